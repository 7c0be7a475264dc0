"""Supervision of production and construction projects (生产建设项目水土保持监管), pure core.

Modules: :mod:`compliance` (扰动图斑 against 防治责任范围), :mod:`closing` (销号),
:mod:`risk` (免打扰 / 预警示 / 严监控), :mod:`facts` (key zone, slope, water distance of a
range), :mod:`credit` (重点关注名单 / 黑名单), :mod:`sampling` (plan sampling ≥ 5 %),
:mod:`constants` (names, defaults, sources).  shapely, numpy and GDAL only.
"""
