<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="AllStyleCategories">
  <pipe>
    <rasterrenderer type="singlebandpseudocolor" opacity="1" band="1" alphaBand="-1" classificationMin="0.01" classificationMax="1.0" nodataColor="">
      <rasterTransparency/>
      <rastershader>
        <colorrampshader colorRampType="DISCRETE" classificationMode="1" clip="0" minimumValue="0.01" maximumValue="1.0">
          <item value="0.01" color="#fef0d9" alpha="255" label="0 – 0.01"/>
          <item value="0.02" color="#fdcc8a" alpha="255" label="0.01 – 0.02"/>
          <item value="0.03" color="#fc8d59" alpha="255" label="0.02 – 0.03"/>
          <item value="0.04" color="#e34a33" alpha="255" label="0.03 – 0.04"/>
          <item value="0.05" color="#b30000" alpha="255" label="0.04 – 0.05"/>
          <item value="1.0" color="#7f0000" alpha="255" label="≥ 0.05"/>
        </colorrampshader>
      </rastershader>
    </rasterrenderer>
  </pipe>
</qgis>
