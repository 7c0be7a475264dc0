"""Soil erosion: the CSLE factors, SL 190 classes, the SWC rate, and their builders (R, K, change, eroded forest).

Chinese Soil Loss Equation A = R·K·L·S·B·E·T (domain.md §3), SL 190-2007 intensity
classes (§4), 水土保持率 (§5).  One module per part:

* :mod:`.factors` — S, m, L, LS of a DEM, B from vegetation cover, code → value lookups;
* :mod:`.lookups` — the editable land-use (B, T), measure (E, T), FVC (B) and class (K) tables;
* :mod:`.soilloss` — A block by block with its intensity and the per-zone sums;
* :mod:`.intensity` — SL 190 classes, the SWC rate per unit, the area to treat to reach a target;
* :mod:`.erosivity`, :mod:`.erodibility`, :mod:`.change`, :mod:`.forest` — the R and K
  builders, the two-year change matrix and the eroded-forest patches.
"""
