<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="AllStyleCategories">
  <pipe>
    <rasterrenderer type="paletted" opacity="1.0" band="1" alphaBand="-1" nodataColor="">
      <rasterTransparency/>
      <colorPalette>
        <paletteEntry value="1" color="#38a800" alpha="255" label="1 微度 slight (&lt; 200)"/>
        <paletteEntry value="2" color="#b4d79e" alpha="255" label="2 轻度 light (200 – 2500)"/>
        <paletteEntry value="3" color="#ffff73" alpha="255" label="3 中度 moderate (2500 – 5000)"/>
        <paletteEntry value="4" color="#ffaa00" alpha="255" label="4 强烈 intense (5000 – 8000)"/>
        <paletteEntry value="5" color="#ff5500" alpha="255" label="5 极强烈 very intense (8000 – 15000)"/>
        <paletteEntry value="6" color="#a80000" alpha="255" label="6 剧烈 severe (≥ 15000)"/>
      </colorPalette>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
