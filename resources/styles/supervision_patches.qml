<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis hasScaleBasedVisibilityFlag="0" version="3.22.16-Białowieża" simplifyLocal="1" readOnly="0" styleCategories="AllStyleCategories" simplifyAlgorithm="0" maxScale="0" minScale="100000000" simplifyDrawingHints="1" simplifyMaxScale="1" labelsEnabled="0" symbologyReferenceScale="-1" simplifyDrawingTol="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startField="" startExpression="" mode="0" accumulate="0" durationUnit="min" endExpression="" fixedDuration="0" enabled="0" limitMode="0" durationField="" endField="">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 enableorderby="0" referencescale="-1" symbollevels="0" attr="CATEGORY" forceraster="0" type="categorizedSymbol">
    <categories>
      <category render="true" value="疑似未批先建" label="疑似未批先建 suspected construction before approval" symbol="0"/>
      <category render="true" value="疑似超出防治责任范围" label="疑似超出防治责任范围 suspected disturbance beyond the range" symbol="1"/>
      <category render="true" value="疑似建设地点变更" label="疑似建设地点变更 suspected change of site" symbol="2"/>
      <category render="true" value="未验先投" label="未验先投 in use before acceptance" symbol="3"/>
      <category render="true" value="合规" label="合规 compliant" symbol="4"/>
    </categories>
    <symbols>
      <symbol force_rhr="0" name="0" alpha="0.75" clip_to_extent="1" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" pass="0" enabled="1">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="227,26,28,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="227,26,28,255"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="51,51,51,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="1" alpha="0.75" clip_to_extent="1" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" pass="0" enabled="1">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="255,127,0,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="255,127,0,255"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="51,51,51,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="2" alpha="0.75" clip_to_extent="1" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" pass="0" enabled="1">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="152,78,163,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="152,78,163,255"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="51,51,51,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="3" alpha="0.75" clip_to_extent="1" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" pass="0" enabled="1">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="31,120,180,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="31,120,180,255"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="51,51,51,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
      <symbol force_rhr="0" name="4" alpha="0.75" clip_to_extent="1" type="fill">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer class="SimpleFill" locked="0" pass="0" enabled="1">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="56,168,0,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="51,51,51,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="56,168,0,255"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="51,51,51,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <customproperties>
    <Option/>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks type="StringList">
      <Option value="" type="QString"/>
    </activeChecks>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="PATCH_ID">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="CATEGORY">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="PROJECT_ID">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="PROJECTS">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="AREA_M2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="INSIDE_M2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="OUTSIDE_M2">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="OUTSIDE_PCT">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="FLAGS">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="REPAIRED">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="PATCH_TYPE">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="PATCH_DATE">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="PRIORITY">
      <editWidget type="">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="结论">
      <editWidget type="ValueMap">
        <config>
          <Option type="Map">
            <Option name="map" type="List">
              <Option type="Map">
                <Option value="属实" name="属实" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="不属实" name="不属实" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="已整改" name="已整改" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="非生产建设项目" name="非生产建设项目" type="QString"/>
              </Option>
              <Option type="Map">
                <Option value="无法核查" name="无法核查" type="QString"/>
              </Option>
            </Option>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="核查人">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option value="false" name="IsMultiline" type="bool"/>
            <Option value="false" name="UseHtml" type="bool"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="日期">
      <editWidget type="DateTime">
        <config>
          <Option type="Map">
            <Option value="true" name="allow_null" type="bool"/>
            <Option value="true" name="calendar_popup" type="bool"/>
            <Option value="yyyy-MM-dd" name="display_format" type="QString"/>
            <Option value="yyyy-MM-dd" name="field_format" type="QString"/>
            <Option value="false" name="field_iso_format" type="bool"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="照片">
      <editWidget type="ExternalResource">
        <config>
          <Option type="Map">
            <Option value="1" name="DocumentViewer" type="int"/>
            <Option value="0" name="DocumentViewerHeight" type="int"/>
            <Option value="0" name="DocumentViewerWidth" type="int"/>
            <Option value="true" name="FileWidget" type="bool"/>
            <Option value="true" name="FileWidgetButton" type="bool"/>
            <Option value="Images (*.jpg *.jpeg *.png *.heic);;All files (*)" name="FileWidgetFilter" type="QString"/>
            <Option value="true" name="FullUrl" type="bool"/>
            <Option value="1" name="RelativeStorage" type="int"/>
            <Option value="0" name="StorageMode" type="int"/>
            <Option value="true" name="UseLink" type="bool"/>
          </Option>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="备注">
      <editWidget type="TextEdit">
        <config>
          <Option type="Map">
            <Option value="true" name="IsMultiline" type="bool"/>
            <Option value="false" name="UseHtml" type="bool"/>
          </Option>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias field="PATCH_ID" name="图斑编号 Patch id" index="0"/>
    <alias field="CATEGORY" name="类别 Category" index="1"/>
    <alias field="PROJECT_ID" name="项目编号 Project id" index="2"/>
    <alias field="PROJECTS" name="涉及项目 Projects" index="3"/>
    <alias field="AREA_M2" name="面积 Area (m²)" index="4"/>
    <alias field="INSIDE_M2" name="范围内面积 Inside (m²)" index="5"/>
    <alias field="OUTSIDE_M2" name="范围外面积 Outside (m²)" index="6"/>
    <alias field="OUTSIDE_PCT" name="范围外比例 Outside (%)" index="7"/>
    <alias field="FLAGS" name="全部问题 Findings" index="8"/>
    <alias field="REPAIRED" name="几何已修复 Repaired" index="9"/>
    <alias field="PATCH_TYPE" name="扰动类型 Type" index="10"/>
    <alias field="PATCH_DATE" name="影像时相 Date" index="11"/>
    <alias field="PRIORITY" name="核查优先级 Priority" index="12"/>
    <alias field="结论" name="核查结论 Verdict" index="13"/>
    <alias field="核查人" name="核查人 Inspector" index="14"/>
    <alias field="日期" name="核查日期 Date of check" index="15"/>
    <alias field="照片" name="现场照片 Photo" index="16"/>
    <alias field="备注" name="备注 Note" index="17"/>
  </aliases>
  <defaults>
    <default expression="" applyOnUpdate="0" field="PATCH_ID"/>
    <default expression="" applyOnUpdate="0" field="CATEGORY"/>
    <default expression="" applyOnUpdate="0" field="PROJECT_ID"/>
    <default expression="" applyOnUpdate="0" field="PROJECTS"/>
    <default expression="" applyOnUpdate="0" field="AREA_M2"/>
    <default expression="" applyOnUpdate="0" field="INSIDE_M2"/>
    <default expression="" applyOnUpdate="0" field="OUTSIDE_M2"/>
    <default expression="" applyOnUpdate="0" field="OUTSIDE_PCT"/>
    <default expression="" applyOnUpdate="0" field="FLAGS"/>
    <default expression="" applyOnUpdate="0" field="REPAIRED"/>
    <default expression="" applyOnUpdate="0" field="PATCH_TYPE"/>
    <default expression="" applyOnUpdate="0" field="PATCH_DATE"/>
    <default expression="" applyOnUpdate="0" field="PRIORITY"/>
    <default expression="" applyOnUpdate="0" field="结论"/>
    <default expression="" applyOnUpdate="0" field="核查人"/>
    <default expression="" applyOnUpdate="0" field="日期"/>
    <default expression="" applyOnUpdate="0" field="照片"/>
    <default expression="" applyOnUpdate="0" field="备注"/>
  </defaults>
  <constraints>
    <constraint notnull_strength="0" exp_strength="0" field="PATCH_ID" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="CATEGORY" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="PROJECT_ID" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="PROJECTS" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="AREA_M2" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="INSIDE_M2" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="OUTSIDE_M2" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="OUTSIDE_PCT" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="FLAGS" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="REPAIRED" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="PATCH_TYPE" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="PATCH_DATE" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="0" field="PRIORITY" constraints="0" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="1" field="结论" constraints="4" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="1" field="核查人" constraints="4" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="1" field="日期" constraints="4" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="2" field="照片" constraints="4" unique_strength="0"/>
    <constraint notnull_strength="0" exp_strength="1" field="备注" constraints="4" unique_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint exp="" desc="" field="PATCH_ID"/>
    <constraint exp="" desc="" field="CATEGORY"/>
    <constraint exp="" desc="" field="PROJECT_ID"/>
    <constraint exp="" desc="" field="PROJECTS"/>
    <constraint exp="" desc="" field="AREA_M2"/>
    <constraint exp="" desc="" field="INSIDE_M2"/>
    <constraint exp="" desc="" field="OUTSIDE_M2"/>
    <constraint exp="" desc="" field="OUTSIDE_PCT"/>
    <constraint exp="" desc="" field="FLAGS"/>
    <constraint exp="" desc="" field="REPAIRED"/>
    <constraint exp="" desc="" field="PATCH_TYPE"/>
    <constraint exp="" desc="" field="PATCH_DATE"/>
    <constraint exp="" desc="" field="PRIORITY"/>
    <constraint exp="&quot;结论&quot; IS NULL OR &quot;结论&quot; IN ('属实','不属实','已整改','非生产建设项目','无法核查')" desc="结论须为 属实/不属实/已整改/非生产建设项目/无法核查 (verdict must be one of the list)" field="结论"/>
    <constraint exp="&quot;结论&quot; IS NULL OR length(trim(coalesce(&quot;核查人&quot;, ''))) > 0" desc="填写结论时须填写核查人 (a verdict needs the inspector)" field="核查人"/>
    <constraint exp="&quot;结论&quot; IS NULL OR (&quot;日期&quot; IS NOT NULL AND to_date(&quot;日期&quot;) &lt;= to_date(now()))" desc="填写结论时须填写核查日期，且不晚于今天 (a verdict needs the date of the check, not in the future)" field="日期"/>
    <constraint exp="&quot;结论&quot; IS NULL OR &quot;结论&quot; NOT IN ('属实','已整改') OR length(coalesce(&quot;照片&quot;, '')) > 0" desc="属实、已整改宜附现场照片 (confirmed or rectified cases should carry a photo)" field="照片"/>
    <constraint exp="coalesce(&quot;结论&quot;, '') &lt;> '无法核查' OR length(coalesce(&quot;备注&quot;, '')) > 0" desc="无法核查时须在备注中说明原因 (say why the patch could not be checked)" field="备注"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions/>
  <attributetableconfig sortExpression="" actionWidgetStyle="dropDown" sortOrder="0">
    <columns/>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable>
    <field name="AREA_M2" editable="0"/>
    <field name="CATEGORY" editable="0"/>
    <field name="FLAGS" editable="0"/>
    <field name="INSIDE_M2" editable="0"/>
    <field name="OUTSIDE_M2" editable="0"/>
    <field name="OUTSIDE_PCT" editable="0"/>
    <field name="PATCH_DATE" editable="0"/>
    <field name="PATCH_ID" editable="0"/>
    <field name="PATCH_TYPE" editable="0"/>
    <field name="PRIORITY" editable="0"/>
    <field name="PROJECTS" editable="0"/>
    <field name="PROJECT_ID" editable="0"/>
    <field name="REPAIRED" editable="0"/>
  </editable>
  <labelOnTop/>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression></previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
