"""The training configuration: every setting a model is trained with, stored beside it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from signals.errors import KonfliktError
from signals.pipeline import FeatureConfig


@dataclass(frozen=True)
class TrainConfig:
    seed: int = 7
    test_months: int = 6
    validation_months: int = 6
    features: FeatureConfig = field(default_factory=FeatureConfig)
    # Inverse regularisation of the linear SVMs. None: chosen on the validation months from the
    # grid (walking up from the smallest C while the validation score improves), so that the
    # choice adapts to the corpus; a number fixes it. bench/README.md, "Model selection".
    root_cause_c: float | None = None
    root_cause_c_grid: tuple[float, ...] = (0.1, 0.3, 1.0)
    mediation_c: float | None = None
    mediation_c_grid: tuple[float, ...] = (0.03, 0.1, 0.3)
    # The advisors' capacity: how many flagged complaints they can look at per week. The flag
    # threshold is set so that this many complaints a week are flagged on validation data.
    # `capacity_share` (0-1], when set, overrides it with a share of all complaints.
    capacity_per_week: float = 8.0
    capacity_share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> TrainConfig:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise KonfliktError(
                f"unknown training settings: {', '.join(unknown)} (known: {', '.join(sorted(known))})"
            )
        values = dict(raw)
        if isinstance(values.get("features"), dict):
            feature_known = {f.name for f in fields(FeatureConfig)}
            bad = sorted(set(values["features"]) - feature_known)
            if bad:
                raise KonfliktError(f"unknown feature settings: {', '.join(bad)}")
            values["features"] = FeatureConfig(**values["features"])
        for name in ("root_cause_c_grid", "mediation_c_grid"):
            if isinstance(values.get(name), list):  # JSON has no tuples
                values[name] = tuple(values[name])
        config = cls(**values)
        config.validate()
        return config

    def validate(self) -> None:
        if self.capacity_per_week <= 0:
            raise KonfliktError(f"capacity_per_week must be positive, got {self.capacity_per_week}")
        if self.capacity_share is not None and not 0 < self.capacity_share <= 1:
            raise KonfliktError(f"capacity_share must be in (0, 1], got {self.capacity_share}")
        if self.test_months < 1 or self.validation_months < 1:
            raise KonfliktError("test_months and validation_months must be at least 1")
        for name in ("root_cause_c", "mediation_c"):
            value = getattr(self, name)
            if value is not None and not (_is_number(value) and value > 0):
                raise KonfliktError(
                    f"{name} must be a positive number or null (chosen on validation), got {value!r}"
                )
            grid = getattr(self, f"{name}_grid")
            if not isinstance(grid, tuple) or not grid or not all(_is_number(c) and c > 0 for c in grid):
                raise KonfliktError(f"{name}_grid must be a non-empty list of positive numbers, got {grid!r}")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
