<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="categorizedSymbol" attr="MEASURE" symbollevels="0" enableorderby="0" forceraster="0">
    <categories>
      <category value="树盘" symbol="0" label="树盘 tree basins" render="true"/>
      <category value="水平阶" symbol="1" label="水平阶 level benches" render="true"/>
      <category value="鱼鳞坑" symbol="2" label="鱼鳞坑 fish-scale pits" render="true"/>
      <category value="鱼鳞坑+截排水沟" symbol="3" label="鱼鳞坑+截排水沟 fish-scale pits with catch and drainage ditches" render="true"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="27,158,119,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="1" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="217,95,2,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="2" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="117,112,179,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="3" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="231,41,138,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
</qgis>
