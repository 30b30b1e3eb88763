"""The database tables as typed SQLAlchemy models. Alembic migrations create them (service/migrations).

Complaint text is stored anonymised only. Root causes of annotations live in a link table so that
filters and counts are plain indexed SQL on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, MetaData, String, Text, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names make migrations reviewable and portable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite stores naive text, so re-attach UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class ComplaintRow(Base):
    __tablename__ = "complaints"

    complaint_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(index=True)
    # "YYYY-MM" in Copenhagen time: month buckets for insights without backend-specific date SQL.
    received_month: Mapped[str] = mapped_column(String(7), index=True)
    citizen_id: Mapped[str] = mapped_column(String(200), index=True)
    forvaltning: Mapped[str | None] = mapped_column(String(8), index=True)
    channel: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    # Only with KONFLIKT_KEEP_ORIGINAL_TEXT (refused in production); NULL otherwise.
    original_text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str | None] = mapped_column(String(40))

    # Deleting a complaint (erasure) removes its annotation, codes and feedback in the database.
    annotation: Mapped[AnnotationRow | None] = relationship(
        back_populates="complaint", lazy="selectin", cascade="all, delete-orphan", passive_deletes=True
    )


class ContactRow(Base):
    __tablename__ = "contacts"
    __table_args__ = (
        Index("uq_contacts_event", "citizen_id", "occurred_at", "channel", "recipient", "kind", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    citizen_id: Mapped[str] = mapped_column(String(200))
    occurred_at: Mapped[datetime]
    channel: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AnnotationRow(Base):
    __tablename__ = "annotations"

    complaint_id: Mapped[str] = mapped_column(
        ForeignKey("complaints.complaint_id", ondelete="CASCADE"), primary_key=True
    )
    model_version: Mapped[str] = mapped_column(String(200), index=True)
    root_causes: Mapped[list[str]]
    root_cause_scores: Mapped[dict[str, Any]]
    mediation_score: Mapped[float]
    mediation_flag: Mapped[bool] = mapped_column(index=True)
    explanation: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    complaint: Mapped[ComplaintRow] = relationship(back_populates="annotation")
    codes: Mapped[list[AnnotationRootCauseRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class AnnotationRootCauseRow(Base):
    """One row per (complaint, predicted root cause): what `root_cause` filters and insights count."""

    __tablename__ = "annotation_root_causes"

    complaint_id: Mapped[str] = mapped_column(
        ForeignKey("annotations.complaint_id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(40), primary_key=True, index=True)


class FeedbackRow(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    complaint_id: Mapped[str] = mapped_column(
        ForeignKey("complaints.complaint_id", ondelete="CASCADE"), index=True
    )
    root_causes: Mapped[list[str]]
    mediation_potential: Mapped[bool]
    key_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ApiKeyRow(Base):
    __tablename__ = "api_keys"

    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    # sha256 hex of the whole key; the key itself is shown once and never stored.
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    forvaltning: Mapped[str | None] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    key_id: Mapped[str | None] = mapped_column(String(40), index=True)
    role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(500))
    status: Mapped[int]
    item_count: Mapped[int | None]

    complaints: Mapped[list[AuditComplaintRow]] = relationship(
        back_populates="entry", lazy="selectin", cascade="all, delete-orphan"
    )


class AuditComplaintRow(Base):
    """Which complaint ids one audit entry touched (a link table, so `--complaint ID` is an index lookup)."""

    __tablename__ = "audit_log_complaints"

    audit_id: Mapped[int] = mapped_column(ForeignKey("audit_log.id", ondelete="CASCADE"), primary_key=True)
    complaint_id: Mapped[str] = mapped_column(String(200), primary_key=True, index=True)

    entry: Mapped[AuditRow] = relationship(back_populates="complaints")
