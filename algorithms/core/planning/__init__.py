"""Small-watershed plan (小流域综合治理规划): the planning arithmetic as pure functions.

* :mod:`.catalogue` — the stable codes: land-use categories, measures, quantity items, investment parts;
* :mod:`.tables` — the editable CSV tables (allocation presets, unit prices, land-use categories);
* :mod:`.landuse` — land use × slope class on the DEM grid, with areas (土地利用现状表);
* :mod:`.allocation` — the allocation table applied: measure raster, polygons and areas;
* :mod:`.quantities` — bill of quantities (工程量) and investment estimate (投资估算);
* :mod:`.benefits` — soil loss and the soil-and-water-conservation rate before and after the plan.

numpy, GDAL and the standard library only; the Processing algorithms ``swcplanner:landuseslope``,
``measureplan``, ``planquantities`` and ``planbenefits`` are the adapters.
"""
