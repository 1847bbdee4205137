"""A GeoPackage writer for point layers, with the standard library's ``sqlite3`` only.

A GeoPackage (OGC 12-128r18) is an SQLite file with three metadata tables
(``gpkg_spatial_ref_sys``, ``gpkg_contents``, ``gpkg_geometry_columns``) and one table per
layer whose geometry column holds a "GeoPackageBinary" blob: a small header (``GP``,
version, flags, SRS id) then the geometry as WKB. QGIS, GDAL/OGR, geopandas and ArcGIS read
it. kg writes points in WGS 84 (EPSG:4326), longitude first as the standard requires.

>>> import tempfile, sqlite3
>>> path = Path(tempfile.mkdtemp()) / "g.gpkg"
>>> layer = Layer("places", {"name": "TEXT"}, [((36.2, 37.1), {"name": "Aleppo"})])
>>> write_geopackage(path, [layer])
>>> sqlite3.connect(path).execute("SELECT name FROM places").fetchall()
[('Aleppo',)]
"""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg._util.atomic import atomic_path
from kg.errors import InputError

#: The column types a layer may declare (GeoPackage's SQL types that kg needs).
COLUMN_TYPES = frozenset({"TEXT", "INTEGER", "REAL", "DATE", "BOOLEAN"})

_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)
_SRS_ROWS = [
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian SRS"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic SRS"),
    ("WGS 84 geodetic", 4326, "EPSG", 4326, _WGS84_WKT, "longitude/latitude in degrees, WGS 84"),
]
_SCHEMA = """
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
"""
_APPLICATION_ID = 0x47504B47  # "GPKG"
_USER_VERSION = 10400  # GeoPackage 1.4


@dataclass
class Layer:
    """A point layer: its table name, its columns (name -> SQL type) and its features,
    each ``((longitude, latitude), {column: value})``."""

    name: str
    columns: dict[str, str]
    features: Sequence[tuple[tuple[float, float], dict[str, Any]]] = field(default_factory=list)
    description: str = ""


def point_blob(longitude: float, latitude: float, srs_id: int = 4326) -> bytes:
    """A point as GeoPackageBinary: header (no envelope, little-endian) and WKB.

    >>> point_blob(1.0, 2.0)[:4]
    b'GP\\x00\\x01'
    """
    header = b"GP" + bytes([0, 0b0000_0001]) + struct.pack("<i", srs_id)
    return header + struct.pack("<BIdd", 1, 1, float(longitude), float(latitude))


def _check(layer: Layer) -> None:
    names = [layer.name, *layer.columns]
    for name in names:
        if not name.replace("_", "").isalnum() or name[0].isdigit():
            raise InputError(f"GeoPackage layer '{layer.name}': '{name}' is not a plain name")
    for column, kind in layer.columns.items():
        if kind not in COLUMN_TYPES:
            raise InputError(
                f"GeoPackage layer '{layer.name}': column '{column}' has type '{kind}'",
                hint=f"use one of {', '.join(sorted(COLUMN_TYPES))}",
            )
        if column in ("fid", "geom"):
            raise InputError(f"GeoPackage layer '{layer.name}': '{column}' is kg's own column")


def write_geopackage(path: str | os.PathLike[str], layers: Sequence[Layer]) -> None:
    """Write ``layers`` to a new GeoPackage at ``path`` atomically (a failed write leaves
    the previous file as it was)."""
    for layer in layers:
        _check(layer)
    with atomic_path(Path(path)) as temp:
        temp.unlink()  # sqlite creates the file itself
        connection = sqlite3.connect(temp)
        try:
            _fill(connection, layers)
            connection.commit()
        finally:
            connection.close()


def _fill(connection: sqlite3.Connection, layers: Sequence[Layer]) -> None:
    connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
    connection.execute(f"PRAGMA user_version = {_USER_VERSION}")
    connection.executescript(_SCHEMA)
    connection.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", _SRS_ROWS)
    for layer in layers:
        columns = "".join(f', "{name}" {kind}' for name, kind in layer.columns.items())
        connection.execute(
            f'CREATE TABLE "{layer.name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, '
            f"geom POINT{columns})"
        )
        xs = [lon for (lon, _), _ in layer.features]
        ys = [lat for (_, lat), _ in layer.features]
        bounds = (min(xs), min(ys), max(xs), max(ys)) if xs else (None, None, None, None)
        connection.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
            "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)",
            (layer.name, layer.name, layer.description, *bounds),
        )
        connection.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'POINT', 4326, 0, 0)",
            (layer.name,),
        )
        names = list(layer.columns)
        marks = ", ".join("?" * (len(names) + 1))
        quoted = "".join(f', "{name}"' for name in names)
        connection.executemany(
            f'INSERT INTO "{layer.name}" (geom{quoted}) VALUES ({marks})',
            (
                (point_blob(lon, lat), *(values.get(name) for name in names))
                for (lon, lat), values in layer.features
            ),
        )
