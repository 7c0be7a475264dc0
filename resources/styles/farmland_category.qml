<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="categorizedSymbol" attr="CATEGORY" symbollevels="0" enableorderby="0" forceraster="0">
    <categories>
      <category value="flat" symbol="0" label="flat or level land 平地或水平地" render="true"/>
      <category value="gentle" symbol="1" label="gentle slope farmland 缓坡耕地" render="true"/>
      <category value="convert" symbol="2" label="slope farmland for terraces 坡改梯" render="true"/>
      <category value="retire" symbol="3" label="steep farmland for retirement 退耕" render="true"/>
      <category value="upgrade" symbol="4" label="old terrace for upgrade 老旧梯田改造" render="true"/>
      <category value="basic_farmland" symbol="5" label="steep permanent basic farmland, not retired 永久基本农田（不退耕）" render="true"/>
      <category value="high_standard" symbol="6" label="steep high-standard farmland, not retired 高标准农田（不退耕）" render="true"/>
    </categories>
    <symbols>
      <symbol type="fill" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="26,150,65,170" type="QString"/>
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
            <Option name="color" value="166,217,106,170" type="QString"/>
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
            <Option name="color" value="253,174,97,170" type="QString"/>
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
            <Option name="color" value="215,25,28,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="4" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="123,50,148,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="5" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="43,131,186,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="solid" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
      <symbol type="fill" name="6" alpha="1" clip_to_extent="1" force_rhr="0">
        <layer class="SimpleFill" enabled="1" pass="0" locked="0">
          <Option type="Map">
            <Option name="color" value="31,120,180,170" type="QString"/>
            <Option name="outline_color" value="85,85,85,255" type="QString"/>
            <Option name="outline_width" value="0.26" type="QString"/>
            <Option name="outline_width_unit" value="MM" type="QString"/>
            <Option name="outline_style" value="solid" type="QString"/>
            <Option name="style" value="b_diagonal" type="QString"/>
            <Option name="joinstyle" value="bevel" type="QString"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
</qgis>
