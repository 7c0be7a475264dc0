<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="AllStyleCategories">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" opacity="1" band="1" alphaBand="-1" classificationMin="500.0" classificationMax="1000000000.0" nodataColor="">
      <rasterTransparency/>
      <rastershader>
        <colorrampshader colorRampType="DISCRETE" classificationMode="1" clip="0" minimumValue="500.0" maximumValue="1000000000.0">
          <item value="500.0" color="#ffffcc" alpha="255" label="0 – 500"/>
          <item value="1000.0" color="#d9f0a3" alpha="255" label="500 – 1000"/>
          <item value="1500.0" color="#addd8e" alpha="255" label="1000 – 1500"/>
          <item value="2000.0" color="#78c679" alpha="255" label="1500 – 2000"/>
          <item value="3000.0" color="#41ab5d" alpha="255" label="2000 – 3000"/>
          <item value="4000.0" color="#238443" alpha="255" label="3000 – 4000"/>
          <item value="5000.0" color="#006837" alpha="255" label="4000 – 5000"/>
          <item value="7000.0" color="#004529" alpha="255" label="5000 – 7000"/>
          <item value="1000000000.0" color="#002a1a" alpha="255" label="≥ 7000"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
