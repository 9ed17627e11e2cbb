"""The office directory: which office enforces which court's judgments (data, not code).

`load_directory(path) -> Directory` reads a TOML file (schema in the header of
routing/data/hcm-2016.toml), validates it (unknown keys refused; the error names the file and the
key) and indexes every court and office name by its `Place` key, so that "TAND Q.9",
"Tòa án nhân dân quận Chín" and "Toa an nhan dan Quan 9" find the same office. The reference data
the router needs besides the offices (provinces, banks, corruption offences) is loaded with it, from
routing/data/ unless other files are given, so `route()` itself reads nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from routing.courts import Place, PlaceReader, Province, make_province
from routing.lanes import Banks, Offences

DATA = Path(__file__).resolve().parent / "data"


class DirectoryError(Exception):
    """A directory (or reference data) file cannot be used; the message names the file and the key."""


# ------------------------------------------------------------------ file schema

class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CourtSpec(_Spec):
    name: str
    level: Literal["local", "province", "high"] = "local"
    aliases: list[str] = Field(default_factory=list)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class OfficeSpec(_Spec):
    slug: str = Field(pattern=r"^[a-z0-9-]+$")
    name: str
    short: str | None = None
    level: Literal["province", "local"] = "local"
    aliases: list[str] = Field(default_factory=list)
    mailboxes: list[str] = Field(default_factory=list)  # former slugs whose mail this office now takes
    courts: list[CourtSpec] = Field(default_factory=list)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


class DirectoryMeta(_Spec):
    name: str
    provinces: list[str] = Field(min_length=1)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    outside_local: str = "Chi cục Thi hành án dân sự {unit}, {province}"
    outside_province: str = "Cục Thi hành án dân sự {province}"


class DirectoryFile(_Spec):
    directory: DirectoryMeta
    offices: list[OfficeSpec] = Field(min_length=1)


class _ProvinceSpec(_Spec):
    name: str
    kind: Literal["tỉnh", "thành phố"]
    aliases: list[str] = Field(default_factory=list)


class ProvincesFile(_Spec):
    provinces: list[_ProvinceSpec]


# ------------------------------------------------------------------ the loaded directory

@dataclass(frozen=True)
class Office:
    slug: str
    name: str
    short: str
    level: str  # "province" | "local"
    mailboxes: tuple[str, ...]
    courts: tuple[CourtSpec, ...]


@dataclass(frozen=True)
class Hit:
    """One office found for a name, with the court entry that matched (for its validity dates)."""

    office: Office
    court: CourtSpec | None
    exact: bool  # False when found only by the unit's bare name ("Thủ Đức" for "Quận Thủ Đức")


@dataclass(frozen=True)
class Directory:
    source: str
    name: str
    provinces: tuple[Province, ...]  # the provinces this directory serves
    offices: dict[str, Office]
    reader: PlaceReader
    banks: Banks
    offences: Offences
    outside_local: str
    outside_province: str
    _local: dict[str, tuple[Hit, ...]] = field(default_factory=dict, repr=False)
    _bare: dict[str, tuple[Hit, ...]] = field(default_factory=dict, repr=False)
    _province: dict[tuple[str, str], tuple[Hit, ...]] = field(default_factory=dict, repr=False)

    # -------------------------------------------------------------- queries

    @property
    def province_office(self) -> Office:
        """The provincial office (the Cục): exactly one per directory, checked at load."""
        return next(o for o in self.offices.values() if o.level == "province")

    def serves(self, province: Province | None) -> bool:
        """True when a place in `province` (None: not said, taken as ours) is this directory's."""
        return province is None or any(p.id == province.id for p in self.provinces)

    def lookup(self, place: Place) -> tuple[Hit, ...]:
        """The offices whose court (or own name) is at `place`; several when ambiguous, none when unknown."""
        if place.level == "province" and place.province is None:
            return (Hit(self.province_office, None, exact=True),)
        if place.level in ("province", "high") and place.province is not None:
            return self._province.get((place.level, place.province.id), ())
        if place.level != "local" or not place.unit:
            return ()
        if not place.unit.startswith("? "):
            hits = self._local.get(place.unit, ())
            if hits:
                return hits
        bare = self._bare.get(place.bare or "", ())
        return tuple(Hit(h.office, h.court, exact=False) for h in bare)

    def office_for_mailbox(self, mailbox: str | None) -> Office | None:
        if not mailbox:
            return None
        if mailbox in self.offices:
            return self.offices[mailbox]
        return next((o for o in self.offices.values() if mailbox in o.mailboxes), None)

    def outside_name(self, place: Place) -> str | None:
        """The enforcement office competent for a court at `place` outside this directory."""
        if place.province is None:
            return None
        if place.level == "local" and place.unit_display:
            return self.outside_local.format(unit=place.unit_display, province=place.province.display)
        if place.level in ("province", "high"):
            return self.outside_province.format(province=place.province.display)
        return None


# ------------------------------------------------------------------ loading

def _fail(path: Path, e: ValidationError) -> DirectoryError:
    problems = []
    for err in e.errors():
        parts: list[str] = []
        for p in err["loc"]:
            if isinstance(p, int):
                parts[-1:] = [f"{parts[-1]}[{p}]" if parts else f"[{p}]"]
            else:
                parts.append(str(p))
        key = ".".join(parts) or "(top level)"
        msg = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        problems.append(f"{path}: key '{key}': {msg}")
    return DirectoryError("\n".join(problems))


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DirectoryError(f"{path}: no such file") from None
    except OSError as e:
        raise DirectoryError(f"{path}: cannot read: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise DirectoryError(f"{path}: not valid TOML: {e}") from None


def load_provinces(path: str | os.PathLike = DATA / "provinces.toml") -> list[Province]:
    """Raises DirectoryError naming the file and key if the provinces file is missing or invalid."""
    p = Path(path)
    try:
        spec = ProvincesFile.model_validate(_read_toml(p))
    except ValidationError as e:
        raise _fail(p, e) from None
    return [make_province(x.name, x.kind, x.aliases) for x in spec.provinces]


def _load_model(model, path: str | os.PathLike):
    p = Path(path)
    try:
        return model.model_validate(_read_toml(p))
    except ValidationError as e:
        raise _fail(p, e) from None


def load_directory(
    path: str | os.PathLike,
    *,
    provinces: str | os.PathLike = DATA / "provinces.toml",
    banks: str | os.PathLike = DATA / "banks.toml",
    offences: str | os.PathLike = DATA / "offences.toml",
) -> Directory:
    """Read and validate an office directory and the reference data routing needs.

    Raises DirectoryError naming the file and the key if a file is missing or not TOML, has an
    unknown key or a wrong value, names a province not in the provinces file, has no or several
    provincial offices, repeats a slug, or gives one court to two offices.
    """
    p = Path(path)
    try:
        spec = DirectoryFile.model_validate(_read_toml(p))
    except ValidationError as e:
        raise _fail(p, e) from None
    all_provinces = load_provinces(provinces)
    reader = PlaceReader(all_provinces)
    served: list[Province] = []
    for i, name in enumerate(spec.directory.provinces):
        prov = reader.province(name)
        if prov is None:
            raise DirectoryError(f"{p}: key 'directory.provinces[{i}]': unknown province {name!r}")
        served.append(prov)

    offices: dict[str, Office] = {}
    local: dict[str, list[Hit]] = {}
    bare: dict[str, list[Hit]] = {}
    prov_idx: dict[tuple[str, str], list[Hit]] = {}
    owner: dict[tuple[str, str], str] = {}
    for i, o in enumerate(spec.offices):
        if o.slug in offices:
            raise DirectoryError(f"{p}: key 'offices[{i}].slug': slug {o.slug!r} appears twice")
        office = Office(o.slug, o.name, o.short or o.name, o.level, tuple(o.mailboxes), tuple(o.courts))
        offices[o.slug] = office
        names: list[tuple[str, CourtSpec | None, bool, str]] = [
            (n, None, True, f"offices[{i}].{'name' if k == 0 else f'aliases[{k - 1}]'}")
            for k, n in enumerate([o.name, *o.aliases])
        ]
        for j, c in enumerate(o.courts):
            names += [
                (n, c, False, f"offices[{i}].courts[{j}].{'name' if k == 0 else f'aliases[{k - 1}]'}")
                for k, n in enumerate([c.name, *c.aliases])
            ]
        for text, court, is_office, key in names:
            place = reader.read(text, office=is_office)
            if place.level == "unknown" or (place.level != "local" and place.province is None):
                raise DirectoryError(f"{p}: key '{key}': cannot read a court or office place in {text!r}")
            if place.province is not None and not any(x.id == place.province.id for x in served):
                raise DirectoryError(
                    f"{p}: key '{key}': {text!r} is in {place.province.display}, not in directory.provinces")
            if place.level == "local":
                idx_key = ("local", place.unit or "")
            else:
                idx_key = (place.level, place.province.id)  # type: ignore[union-attr]
            if owner.setdefault(idx_key, o.slug) != o.slug:
                raise DirectoryError(
                    f"{p}: key '{key}': {text!r} already belongs to office {owner[idx_key]!r}")
            hit = Hit(office, court, exact=True)
            if place.level == "local":
                if not place.unit.startswith("? "):  # type: ignore[union-attr]
                    local.setdefault(place.unit, []).append(hit)  # type: ignore[arg-type]
                bare.setdefault(place.bare or "", []).append(hit)
            else:
                prov_idx.setdefault(idx_key, []).append(hit)
    provincial = [o for o in offices.values() if o.level == "province"]
    if len(provincial) != 1:
        raise DirectoryError(f"{p}: key 'offices': exactly one office must have level = \"province\" "
                             f"(found {len(provincial)})")

    def dedupe(d: dict) -> dict:
        out = {}
        for k, hits in d.items():
            seen: dict[str, Hit] = {}
            for h in hits:
                prev = seen.get(h.office.slug)
                if prev is None or (prev.court is None and h.court is not None):
                    seen[h.office.slug] = h
            out[k] = tuple(seen.values())
        return out

    return Directory(
        source=str(p),
        name=spec.directory.name,
        provinces=tuple(served),
        offices=offices,
        reader=reader,
        banks=_load_model(Banks, banks),
        offences=_load_model(Offences, offences),
        outside_local=spec.directory.outside_local,
        outside_province=spec.directory.outside_province,
        _local=dedupe(local),
        _bare=dedupe(bare),
        _province=dedupe(prov_idx),
    )
