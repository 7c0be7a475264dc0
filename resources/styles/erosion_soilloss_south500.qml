<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="AllStyleCategories">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" opacity="1" band="1" alphaBand="-1" classificationMin="500.0" classificationMax="1000000000.0" nodataColor="">
      <rasterTransparency/>
      <rastershader>
        <colorrampshader colorRampType="DISCRETE" classificationMode="1" clip="0" minimumValue="500.0" maximumValue="1000000000.0">
          <item value="500.0" color="#38a800" alpha="255" label="&lt; 500"/>
          <item value="2500.0" color="#b4d79e" alpha="255" label="500 – 2500"/>
          <item value="5000.0" color="#ffff73" alpha="255" label="2500 – 5000"/>
          <item value="8000.0" color="#ffaa00" alpha="255" label="5000 – 8000"/>
          <item value="15000.0" color="#ff5500" alpha="255" label="8000 – 15000"/>
          <item value="1000000000.0" color="#a80000" alpha="255" label="≥ 15000"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
