<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="AllStyleCategories">
  <pipe>
    <rasterrenderer type="paletted" opacity="1.0" band="1" alphaBand="-1" nodataColor="">
      <rasterTransparency/>
      <colorPalette>
        <paletteEntry value="-5" color="#00441b" alpha="255" label="5 classes less erosion"/>
        <paletteEntry value="-4" color="#006d2c" alpha="255" label="4 classes less erosion"/>
        <paletteEntry value="-3" color="#238b45" alpha="255" label="3 classes less erosion"/>
        <paletteEntry value="-2" color="#66c2a4" alpha="255" label="2 classes less erosion"/>
        <paletteEntry value="-1" color="#b2e2e2" alpha="255" label="1 class less erosion"/>
        <paletteEntry value="0" color="#d9d9d9" alpha="255" label="unchanged"/>
        <paletteEntry value="1" color="#fdd49e" alpha="255" label="1 class more erosion"/>
        <paletteEntry value="2" color="#fc8d59" alpha="255" label="2 classes more erosion"/>
        <paletteEntry value="3" color="#e34a33" alpha="255" label="3 classes more erosion"/>
        <paletteEntry value="4" color="#b30000" alpha="255" label="4 classes more erosion"/>
        <paletteEntry value="5" color="#7f0000" alpha="255" label="5 classes more erosion"/>
      </colorPalette>
    </rasterrenderer>
    <brightnesscontrast brightness="0" contrast="0" gamma="1"/>
    <huesaturation saturation="0" grayscaleMode="0" colorizeOn="0"/>
    <rasterresampler maxOversampling="2"/>
  </pipe>
  <blendMode>0</blendMode>
</qgis>
