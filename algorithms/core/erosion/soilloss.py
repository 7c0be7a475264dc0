"""Soil loss A = 100·R·K·LS·B·E·T (t·km⁻²·a⁻¹) block by block, its intensity class, zonal sums."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import numpy as np
from osgeo import gdal

from ..errors import QT_TRANSLATE_NOOP, InputError
from ..grid import GridSpec
from ..io.raster import (
    DEFAULT_BLOCK,
    FLOAT_NODATA,
    CancelFn,
    ProgressFn,
    RasterWriter,
    Window,
    _never,
    _noop_progress,
    map_blocks,
    open_aligned,
    open_raster,
)
from ..standards import TOLERANCE_T_KM2_A
from ..zones import bincount2, zone_labels
from .factors import fvc_to_b, lookup_values
from .intensity import (
    N_CLASSES,
    TYPE_WIND,
    RateCounts,
    RateInputs,
    classify_intensity,
    intensity_bounds,
    wind_and_types,
)

SOIL_LOSS_NODATA = FLOAT_NODATA


@dataclass
class FactorSource:
    """A factor as a constant, or a raster aligned on the reference grid.

    With ``codes``/``values`` the raster holds class codes and each code's
    value is looked up (codes not listed give NaN).
    """

    constant: Optional[float] = None
    path: Optional[str] = None
    codes: Optional[np.ndarray] = None
    values: Optional[np.ndarray] = None

    def lookup(self, raw: np.ndarray) -> np.ndarray:
        """Factor values of the raster's cells (the codes' values, or the cells themselves)."""
        if self.codes is None or self.values is None:
            return raw
        return lookup_values(raw, self.codes, self.values)


@dataclass
class LandUseSource:
    """Land use on the grid: class codes, each code's B, T and cover type.

    ``rotation[i]``: code ``i`` is cropland whose T is the crop-rotation T of the
    cropping zone (:class:`RotationSource`); ``None``: no such code.
    """

    path: str
    codes: np.ndarray  # sorted
    b: np.ndarray
    t: np.ndarray
    cover: List[str]
    rotation: Optional[np.ndarray] = None


@dataclass
class RotationSource:
    """The crop-rotation T of cropland (land-use rows with rotation): one value, or per zone.

    ``t_default``: T outside the zone polygons (``None``: the land-use table's T);
    ``path``: zone index raster on the grid (0 = outside every zone polygon) with
    ``t[i]`` the T of index ``i`` (``t[0]`` unused).
    """

    t_default: Optional[float] = None
    path: Optional[str] = None
    t: Optional[np.ndarray] = None


@dataclass
class MeasureSource:
    """Measure index raster (0 = none) and per index E and T (NaN T = unchanged)."""

    path: str
    e: np.ndarray  # index 0 = no measure (E = 1)
    t: np.ndarray


@dataclass
class SoilLossResult:
    """Zonal statistics of a soil-loss run.

    Arrays are indexed by zone (0 = outside every zone, or the whole grid
    without zones).  ``class_cells[z, c]``: cells of water-erosion class c (1..6)
    where water erosion is assessed; ``loss[z]``: Σ modulus over those cells
    (t·km⁻²·a⁻¹ summed over cells; × cell area in km² gives t/a).  ``counts``:
    the cells for the SWC rate (land, water and wind erosion, no data; see
    :class:`.intensity.RateCounts`).  ``base_*`` hold the same for the baseline
    (without measures or the BASELINE raster) when there is one.
    """

    cell_area: float
    class_cells: np.ndarray
    loss: np.ndarray
    counts: RateCounts
    base_class_cells: Optional[np.ndarray] = None
    base_loss: Optional[np.ndarray] = None
    base_counts: Optional[RateCounts] = None
    missing: Dict[str, int] = field(default_factory=dict)
    factor_means: Dict[str, float] = field(default_factory=dict)
    rotation_cells: Dict[int, int] = field(default_factory=dict)
    wind_kind: Optional[int] = None
    type_cells: Dict[int, int] = field(default_factory=dict)

    def zone_row(self, z: int, extra_m2: float = 0.0) -> Dict[str, Optional[float]]:
        """Table values of zone ``z`` (km², t/a, t·km⁻²·a⁻¹, %); ``extra_m2``: the zone's
        area outside the grid (land without data)."""
        km2 = self.cell_area / 1e6
        row = self.counts.row(z, self.cell_area, extra_m2)
        cells = float(self.class_cells[z, 1:].sum())
        row["VALUE_KM2"] = cells * km2
        row["MEAN_MODULUS"] = float(self.loss[z]) / cells if cells else None
        row["SOIL_LOSS_T"] = float(self.loss[z]) * km2
        keys = (
            "BASE_LOSS_T",
            "BASE_MODULUS",
            "BASE_ERODED_KM2",
            "BASE_SWC_RATE",
            "REDUCTION_T",
            "REDUCTION_PCT",
            "RATE_GAIN",
        )
        if self.base_class_cells is None or self.base_loss is None or self.base_counts is None:
            row.update({k: None for k in keys})
            return row
        base = self.base_counts.row(z, self.cell_area, extra_m2)
        b_cells = float(self.base_class_cells[z, 1:].sum())
        row["BASE_LOSS_T"] = float(self.base_loss[z]) * km2
        row["BASE_MODULUS"] = float(self.base_loss[z]) / b_cells if b_cells else None
        row["BASE_ERODED_KM2"] = base["ERODED_KM2"]
        row["BASE_SWC_RATE"] = base["SWC_RATE"]
        reduction = row["BASE_LOSS_T"] - row["SOIL_LOSS_T"]  # type: ignore[operator]
        row["REDUCTION_T"] = reduction
        row["REDUCTION_PCT"] = 100.0 * reduction / row["BASE_LOSS_T"] if row["BASE_LOSS_T"] else None
        rate, base_rate = row["SWC_RATE"], row["BASE_SWC_RATE"]
        row["RATE_GAIN"] = (rate - base_rate) if rate is not None and base_rate is not None else None
        return row


@dataclass
class FvcSource:
    """Fractional vegetation cover on the grid, and the FVC → B table per cover type.

    ``table[cover] = (sorted lower bounds as fractions 0–1, B values)``; ``percent``:
    the raster holds 0–100 (see :func:`.factors.fvc_unit`).
    """

    path: str
    table: Dict[str, Tuple[np.ndarray, np.ndarray]]
    percent: bool = False


@dataclass
class Factors:
    """The inputs of A = R·K·LS·B·E·T: each factor a constant or a raster on the grid.

    B and T come from the land use (B from FVC on forest and grass cells when
    ``fvc`` is given; on cropland rows with rotation, T from ``rotation``); E and a
    lowered T from ``measures``.
    """

    ls: FactorSource
    r: FactorSource
    k: FactorSource
    landuse: LandUseSource
    fvc: Optional[FvcSource] = None
    measures: Optional[MeasureSource] = None
    rotation: Optional[RotationSource] = None


@dataclass
class Zones:
    """Zone raster on the grid (numbers 1..``count``, 0 outside) for the zonal sums."""

    path: str
    count: int


@dataclass
class Settings:
    """Tolerable soil loss (t·km⁻²·a⁻¹; the 微度 bound, SL 190) and the block size."""

    tolerance: float = TOLERANCE_T_KM2_A
    block_rows: int = DEFAULT_BLOCK
    block_cols: int = DEFAULT_BLOCK


def soil_loss(
    factors: Factors,
    out_path: str,
    intensity_path: Optional[str] = None,
    *,
    baseline_path: Optional[str] = None,
    zones: Optional[Zones] = None,
    settings: Optional[Settings] = None,
    grid: Optional[GridSpec] = None,
    rate_inputs: Optional[RateInputs] = None,
    progress: ProgressFn = _noop_progress,
    is_cancelled: CancelFn = _never,
) -> SoilLossResult:
    """Soil loss A = 100·R·K·LS·B·E·T (t·km⁻²·a⁻¹), its intensity class, zonal sums.

    Parameters
    ----------
    factors : the factor inputs; all rasters must already be aligned on ``grid``
        (see :func:`..io.raster.align_raster`); ``factors.ls.path`` (or ``grid``)
        defines it.
    out_path : soil-loss raster to write (Float32, nodata −9999).
    intensity_path : intensity-class raster to write (Byte 1..6, 0 = nodata), or ``None``.
    baseline_path : a soil-loss raster (t·km⁻²·a⁻¹) to compare with.
    zones : zone raster for the per-zone sums (without it: one zone 0, the whole grid).
    settings : tolerance and block size.
    rate_inputs : wind erosion and erosion-type zones for the SWC rate (on the grid).

    Returns
    -------
    SoilLossResult
        cells per zone and class, loss sums, the rate counts, the baseline's, the factor means.

    Notes
    -----
    A cell gets a value when the land use and every factor are valid there;
    cells with land use but a missing factor are counted per factor in
    :attr:`SoilLossResult.missing`.  The land of a zone is every cell of the
    zone (without zones: every cell with an LS value); land cells without a
    soil-loss value are counted as without data (:class:`.intensity.RateCounts`).
    With ``factors.measures`` the baseline is the same run with E = 1 and the
    land-use T; with ``baseline_path`` it is that raster.  The baseline is only
    summarised, not written.
    """
    cfg = settings or Settings()
    ls, r, k, landuse, measures = factors.ls, factors.r, factors.k, factors.landuse, factors.measures
    rotation = factors.rotation
    fvc_path = factors.fvc.path if factors.fvc else None
    fvc_table = factors.fvc.table if factors.fvc else None
    fvc_percent = bool(factors.fvc and factors.fvc.percent)
    zone_path, n_zones = (zones.path, int(zones.count)) if zones else (None, 0)
    tolerance, block_rows, block_cols = cfg.tolerance, cfg.block_rows, cfg.block_cols
    extra = rate_inputs or RateInputs()
    wind_kind = extra.resolved_wind_kind() if extra.wind_path else None
    if grid is None:
        if not ls.path:
            raise InputError(
                QT_TRANSLATE_NOOP("SwcCore", "The soil-loss run needs a grid: give a DEM or an LS raster.")
            )
        _ds, grid = open_raster(ls.path)
    edges = intensity_bounds(tolerance)
    sources: List[Tuple[gdal.Band, Optional[float]]] = []
    keep: List[gdal.Dataset] = []
    slots: Dict[str, int] = {}

    def add(name: str, path: Optional[str]) -> None:
        if not path:
            return
        ds, g = open_aligned(path, grid, name)
        keep.append(ds)
        slots[name] = len(sources)
        sources.append((ds.GetRasterBand(1), g.nodata))

    add("LS", ls.path)
    add("R", r.path)
    add("K", k.path)
    add("LANDUSE", landuse.path)
    add("FVC", fvc_path)
    add("MEASURES", measures.path if measures else None)
    add("BASELINE", baseline_path)
    add("ZONES", zone_path)
    add("ROTATION", rotation.path if rotation is not None and rotation.t is not None else None)
    add("WIND", extra.wind_path)
    add("EROSION_TYPES", extra.types_path)
    n_z = n_zones + 1
    class_cells = np.zeros((n_z, N_CLASSES + 1), dtype=np.int64)
    loss = np.zeros(n_z, dtype=np.float64)
    counts = RateCounts.empty(n_z, has_wind=bool(extra.wind_path))
    has_base = measures is not None or bool(baseline_path)
    base_cells = np.zeros_like(class_cells) if has_base else None
    base_loss = np.zeros(n_z, dtype=np.float64) if has_base else None
    base_counts = RateCounts.empty(n_z, has_wind=bool(extra.wind_path)) if has_base else None
    missing = {"LS": 0, "R": 0, "K": 0, "B": 0}
    sums = {"R": 0.0, "K": 0.0, "LS": 0.0, "B": 0.0, "E": 0.0, "T": 0.0, "n": 0.0}
    lu_cover = np.array(landuse.cover, dtype=object)
    forest_idx = np.array([c == "forest" for c in lu_cover], dtype=bool)
    grass_idx = np.array([c == "grass" for c in lu_cover], dtype=bool)
    rot_idx = (
        np.asarray(landuse.rotation, dtype=bool)
        if landuse.rotation is not None and rotation is not None
        else np.zeros(landuse.codes.size, dtype=bool)
    )
    rot_t = (
        np.concatenate([[np.nan], np.asarray(rotation.t, dtype=np.float64)[1:]])
        if rotation is not None and rotation.t is not None
        else None
    )
    rotation_cells = np.zeros(1 if rot_t is None else rot_t.size, dtype=np.int64)
    type_cells = np.zeros(4, dtype=np.int64)
    valued = [0]

    def factor(src: FactorSource, name: str, arrays: List[np.ndarray], shape: Tuple[int, int]) -> np.ndarray:
        if name in slots:
            return src.lookup(arrays[slots[name]])
        constant = np.nan if src.constant is None else float(src.constant)
        return np.full(shape, constant, dtype=np.float64)

    def crop_rotation_t(
        arrays: List[np.ndarray], lu_ok: np.ndarray, pos: np.ndarray, t_lu: np.ndarray
    ) -> np.ndarray:
        """T of cropland rows from the rotation zone (index 0 / outside: the default or the table)."""
        if rotation is None or not rot_idx.any():
            return t_lu
        cells = lu_ok & rot_idx[pos]
        if not cells.any():
            return t_lu
        default = t_lu if rotation.t_default is None else np.full(t_lu.shape, float(rotation.t_default))
        t_new = default
        if rot_t is not None and "ROTATION" in slots:
            idx = np.nan_to_num(arrays[slots["ROTATION"]], nan=0.0).astype(np.int64)
            idx[(idx < 0) | (idx >= rot_t.size)] = 0
            zone_t = rot_t[idx]
            t_new = np.where(np.isnan(zone_t), default, zone_t)
            rotation_cells[:] += np.bincount(idx[cells], minlength=rot_t.size)[: rot_t.size]
        else:
            rotation_cells[0] += int(cells.sum())
        return np.where(cells, t_new, t_lu)

    def kernel(arrays: List[np.ndarray], window: Window) -> List[np.ndarray]:
        shape = (window.rows, window.cols)
        lu_raw = arrays[slots["LANDUSE"]]
        pos = np.clip(
            np.searchsorted(landuse.codes, np.nan_to_num(lu_raw, nan=-1e300)),
            0,
            max(landuse.codes.size - 1, 0),
        )
        lu_ok = ~np.isnan(lu_raw) & (landuse.codes[pos] == lu_raw)
        b = np.where(lu_ok, landuse.b[pos], np.nan)
        t_lu = crop_rotation_t(arrays, lu_ok, pos, np.where(lu_ok, landuse.t[pos], np.nan))
        if "FVC" in slots and fvc_table:
            fvc = arrays[slots["FVC"]]
            if fvc_percent:
                fvc = fvc / 100.0
            for cover, mask_idx in (("forest", forest_idx), ("grass", grass_idx)):
                if cover in fvc_table and mask_idx.any():
                    sel = lu_ok & mask_idx[pos] & ~np.isnan(fvc)
                    if sel.any():
                        b[sel] = fvc_to_b(fvc[sel], fvc_table[cover])
        ls_a = factor(ls, "LS", arrays, shape)
        r_a = factor(r, "R", arrays, shape)
        k_a = factor(k, "K", arrays, shape)
        e_a = np.ones(shape)
        t_a = t_lu
        if measures is not None:
            idx = np.nan_to_num(arrays[slots["MEASURES"]], nan=0.0).astype(np.int64)
            idx = np.clip(idx, 0, measures.e.size - 1)
            e_a = measures.e[idx]
            t_m = measures.t[idx]
            t_a = np.where(np.isnan(t_m), t_lu, np.fmin(t_lu, t_m))
        for name, arr in (("LS", ls_a), ("R", r_a), ("K", k_a), ("B", b)):
            missing[name] += int(np.count_nonzero(lu_ok & np.isnan(arr)))
        base_factor = 100.0 * r_a * k_a * ls_a * b
        a = base_factor * e_a * t_a
        cls = classify_intensity(a, edges[0])
        valued[0] += int(np.count_nonzero(cls))
        if "ZONES" in slots:
            zone = zone_labels(arrays[slots["ZONES"]], n_zones)
            land = zone > 0
        else:
            zone = np.zeros(shape, dtype=np.int64)
            land = ~np.isnan(ls_a)
        wind, etype = wind_and_types(arrays, slots, wind_kind, land, type_cells)
        water = np.ones(shape, dtype=bool) if etype is None else etype != TYPE_WIND
        counts.add(zone, land, cls, wind, etype)
        valid = (cls > 0) & water
        class_cells[:] += bincount2(zone[valid], cls[valid], n_z, N_CLASSES + 1)
        loss[:] += np.bincount(zone[valid], weights=a[valid], minlength=n_z)[:n_z]
        if valid.any():
            sums["n"] += float(valid.sum())
            for name, arr in (("R", r_a), ("K", k_a), ("LS", ls_a), ("B", b), ("E", e_a), ("T", t_a)):
                sums[name] += float(arr[valid].sum())
        if base_cells is not None and base_loss is not None and base_counts is not None:
            a0 = arrays[slots["BASELINE"]] if baseline_path else base_factor * t_lu
            cls0 = classify_intensity(a0, edges[0])
            base_counts.add(zone, land, cls0, wind, etype)
            v0 = (cls0 > 0) & water
            base_cells[:] += bincount2(zone[v0], cls0[v0], n_z, N_CLASSES + 1)
            base_loss[:] += np.bincount(zone[v0], weights=a0[v0], minlength=n_z)[:n_z]
        out = [a.astype(np.float32)]
        if intensity_path:
            out.append(cls)
        return out

    with RasterWriter(out_path, grid, gdal.GDT_Float32, nodata=SOIL_LOSS_NODATA) as w_a:
        writers: List[Optional[RasterWriter]] = [w_a]
        w_c = None
        if intensity_path:
            w_c = RasterWriter(intensity_path, grid, gdal.GDT_Byte, nodata=0)
            writers.append(w_c)
        try:
            map_blocks(
                sources,
                grid,
                kernel,
                writers,
                block_rows=block_rows,
                block_cols=block_cols,
                progress=progress,
                is_cancelled=is_cancelled,
            )
            if valued[0] == 0:
                raise InputError(
                    QT_TRANSLATE_NOOP(
                        "SwcCore",
                        "No cell has a soil-loss value: the land use and the factors "
                        "(R, K, LS) have no valid cell in common. Check that the rasters overlap "
                        "and that their nodata values are right.",
                    )
                )
            w_a.set_metadata({"UNITS": "t/km2/a", "TOLERANCE": str(tolerance)})
            w_a.commit()
            if w_c is not None:
                w_c.set_metadata({"TOLERANCE": str(tolerance)})
                w_c.commit()
        finally:
            if w_c is not None and w_c.ds is not None:
                w_c.discard()
    n = max(sums.pop("n"), 1.0)
    return SoilLossResult(
        cell_area=grid.cell_area,
        class_cells=class_cells,
        loss=loss,
        counts=counts,
        base_class_cells=base_cells,
        base_loss=base_loss,
        base_counts=base_counts,
        missing={k_: v for k_, v in missing.items() if v},
        factor_means={k_: v / n for k_, v in sums.items()},
        rotation_cells={i: int(v) for i, v in enumerate(rotation_cells) if v},
        wind_kind=wind_kind,
        type_cells={i: int(v) for i, v in enumerate(type_cells) if v},
    )
