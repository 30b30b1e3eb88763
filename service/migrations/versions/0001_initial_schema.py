"""Initial schema: complaints, contacts, annotations, feedback, API keys, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("key_id", sa.String(40), nullable=False),
        sa.Column("secret_hash", sa.String(64), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("forvaltning", sa.String(8), nullable=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("revoked_at", _utc(), nullable=True),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_api_keys_secret_hash")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("key_id", sa.String(40), nullable=True),
        sa.Column("role", sa.String(20), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.Column("item_count", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_key_id"), "audit_log", ["key_id"])

    op.create_table(
        "complaints",
        sa.Column("complaint_id", sa.String(200), nullable=False),
        sa.Column("received_at", _utc(), nullable=False),
        sa.Column("received_month", sa.String(7), nullable=False),
        sa.Column("citizen_id", sa.String(200), nullable=False),
        sa.Column("forvaltning", sa.String(8), nullable=True),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("original_text", sa.Text(), nullable=True),
        sa.Column("created_at", _utc(), nullable=False),
        sa.Column("created_by", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("complaint_id", name=op.f("pk_complaints")),
    )
    op.create_index(op.f("ix_complaints_citizen_id"), "complaints", ["citizen_id"])
    op.create_index(op.f("ix_complaints_forvaltning"), "complaints", ["forvaltning"])
    op.create_index(op.f("ix_complaints_received_at"), "complaints", ["received_at"])
    op.create_index(op.f("ix_complaints_received_month"), "complaints", ["received_month"])

    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("citizen_id", sa.String(200), nullable=False),
        sa.Column("occurred_at", _utc(), nullable=False),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("recipient", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    op.create_index(
        "uq_contacts_event",
        "contacts",
        ["citizen_id", "occurred_at", "channel", "recipient", "kind"],
        unique=True,
    )

    op.create_table(
        "annotations",
        sa.Column("complaint_id", sa.String(200), nullable=False),
        sa.Column("model_version", sa.String(200), nullable=False),
        sa.Column("root_causes", sa.JSON(), nullable=False),
        sa.Column("root_cause_scores", sa.JSON(), nullable=False),
        sa.Column("mediation_score", sa.Double(), nullable=False),
        sa.Column("mediation_flag", sa.Boolean(), nullable=False),
        sa.Column("explanation", sa.JSON(), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.complaint_id"],
            name=op.f("fk_annotations_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("complaint_id", name=op.f("pk_annotations")),
    )
    op.create_index(op.f("ix_annotations_mediation_flag"), "annotations", ["mediation_flag"])
    op.create_index(op.f("ix_annotations_model_version"), "annotations", ["model_version"])

    op.create_table(
        "audit_log_complaints",
        sa.Column("audit_id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.String(200), nullable=False),
        sa.ForeignKeyConstraint(
            ["audit_id"],
            ["audit_log.id"],
            name=op.f("fk_audit_log_complaints_audit_id_audit_log"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("audit_id", "complaint_id", name=op.f("pk_audit_log_complaints")),
    )
    op.create_index(op.f("ix_audit_log_complaints_complaint_id"), "audit_log_complaints", ["complaint_id"])

    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("complaint_id", sa.String(200), nullable=False),
        sa.Column("root_causes", sa.JSON(), nullable=False),
        sa.Column("mediation_potential", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.String(40), nullable=False),
        sa.Column("created_at", _utc(), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["complaints.complaint_id"],
            name=op.f("fk_feedback_complaint_id_complaints"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feedback")),
    )
    op.create_index(op.f("ix_feedback_complaint_id"), "feedback", ["complaint_id"])

    op.create_table(
        "annotation_root_causes",
        sa.Column("complaint_id", sa.String(200), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(
            ["complaint_id"],
            ["annotations.complaint_id"],
            name=op.f("fk_annotation_root_causes_complaint_id_annotations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("complaint_id", "code", name=op.f("pk_annotation_root_causes")),
    )
    op.create_index(op.f("ix_annotation_root_causes_code"), "annotation_root_causes", ["code"])


def downgrade() -> None:
    for table in (
        "annotation_root_causes",
        "feedback",
        "audit_log_complaints",
        "annotations",
        "contacts",
        "complaints",
        "audit_log",
        "api_keys",
    ):
        op.drop_table(table)
