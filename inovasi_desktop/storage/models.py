"""Typed ORM tables matching the latest schema (see migrations.py, which creates them).

The ORM classes describe the tables for typed statements; they never leave `storage/`.
Dates and times are stored as ISO 8601 text: datetimes always timezone-aware UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from inovasi_desktop.storage.list_reader import parse_utc


class UtcDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as ISO text in UTC ("2026-11-29T08:30:00+00:00")."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime cannot be stored: {value!r}")
        return value.astimezone(UTC).isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> datetime | None:
        return parse_utc(value)


class IsoDate(TypeDecorator[date]):
    """A calendar date stored as ISO text ("2026-11-29")."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: date | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: str | None, dialect: Dialect) -> date | None:
        return None if value is None else date.fromisoformat(value)


class Base(DeclarativeBase):
    pass


class OrganisationRow(Base):
    """The single organisation row (id is always 1)."""

    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pemda: Mapped[str] = mapped_column(Text, default="")
    provinsi: Mapped[str] = mapped_column(Text, default="")
    opd: Mapped[str] = mapped_column(Text, default="")
    contact_name: Mapped[str] = mapped_column(Text, default="")
    contact_phone: Mapped[str] = mapped_column(Text, default="")
    contact_email: Mapped[str] = mapped_column(Text, default="")
    head_name: Mapped[str] = mapped_column(Text, default="")
    head_nip: Mapped[str] = mapped_column(Text, default="")
    head_position: Mapped[str] = mapped_column(Text, default="")
    default_catalogue: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="opd")  # schema v6: "opd" or "koordinator"


class InnovationRow(Base):
    __tablename__ = "innovations"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    catalogue_id: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text, default="")  # copy of profile["nama_inovasi"]
    tahapan: Mapped[str] = mapped_column(Text, default="")  # copy of profile["tahapan"]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # schema v2: soft delete
    revision: Mapped[int] = mapped_column(Integer, default=1)  # schema v4: raised by every write
    opd: Mapped[str] = mapped_column(Text, default="")  # schema v5: the OPD it belongs to
    origin: Mapped[str] = mapped_column(Text, default="")  # schema v5: where it last came from (a bundle)
    exchanged_sha256: Mapped[str | None] = mapped_column(Text)  # schema v5: its JSON's hash at the last exchange
    summary_json: Mapped[str | None] = mapped_column(Text)  # schema v2: cached by services, opaque here
    profile_json: Mapped[str] = mapped_column(Text, default="{}")  # last: the large one


class IndicatorAnswerRow(Base):
    __tablename__ = "indicator_answers"

    innovation_id: Mapped[str] = mapped_column(ForeignKey("innovations.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    level: Mapped[int | None] = mapped_column(Integer)
    basis: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str] = mapped_column(Text, default="")


class EvidenceItemRow(Base):
    """One bukti dukung document, attached to an indicator or to a profile attachment field."""

    __tablename__ = "evidence_items"

    id: Mapped[str] = mapped_column(String, primary_key=True)
    innovation_id: Mapped[str] = mapped_column(ForeignKey("innovations.id", ondelete="CASCADE"))
    target_kind: Mapped[str] = mapped_column(Text)  # "indicator" | "attachment"
    target_key: Mapped[str] = mapped_column(Text)  # indicator number as text, or profile field key
    position: Mapped[int] = mapped_column(Integer)
    nomor: Mapped[str] = mapped_column(Text, default="")
    tanggal: Mapped[date | None] = mapped_column(IsoDate)
    tentang: Mapped[str] = mapped_column(Text, default="")
    sha256: Mapped[str | None] = mapped_column(Text)
    file_name: Mapped[str | None] = mapped_column(Text)
    size: Mapped[int | None] = mapped_column(Integer)
    media_type: Mapped[str | None] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text)


class StoredFileRow(Base):
    """A file in the content-addressed evidence store."""

    __tablename__ = "stored_files"

    sha256: Mapped[str] = mapped_column(Text, primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime)
    check_json: Mapped[str | None] = mapped_column(Text)  # schema v3: its last check, kept by services, opaque here


class SpdAnswerRow(Base):
    __tablename__ = "spd_answers"

    catalogue_id: Mapped[str] = mapped_column(Text, primary_key=True)
    number: Mapped[str] = mapped_column(Text, primary_key=True)  # SPD row number: "1", "2a", ...
    level: Mapped[int] = mapped_column(Integer)


class AppStateRow(Base):
    """The settings kept in the database (schema v2), one row per setting stored: see services/settings.py."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RegionOpdRow(Base):
    """One perangkat daerah of the region's list (schema v6), in the order kept by `position`."""

    __tablename__ = "region_opds"

    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)


class SnapshotRow(Base):
    """The region's figures at one recap or bundle import (schema v6); the JSON is opaque here."""

    __tablename__ = "monitoring_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    taken_at: Mapped[datetime] = mapped_column(UtcDateTime)
    reason: Mapped[str] = mapped_column(Text)
    source_opd: Mapped[str] = mapped_column(Text, default="")
    data_json: Mapped[str] = mapped_column(Text)
