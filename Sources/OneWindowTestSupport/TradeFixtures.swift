import Foundation

/// A trade the repository does not ship — a florist (营业执照 + a made-up 花卉经营备案 of the
/// district) — written to a temporary folder as a bureau would add one: a definition file and its
/// track schemas, with variations for the refusal tests.
public struct FloristFixture: Sendable {
  public let folder: String
  public var definition: String { folder + "/florist.xml" }

  /// The parts of the definition a test may change.
  public struct Options: Sendable {
    public var schema = "florist/FloristPart-v1.xsd"
    public var rule = "BL-010"
    public var prefix = "青南花字"
    public var decision = #"<Decision role="REVIEWER"/>"#
    public var after = "<After>BUSINESS</After>"
    public var businessAfter = ""
    public var checkID = "FW-001"
    public var id = "florist"
    /// The BUSINESS track's allocator attribute value (quoted content).
    public var businessAllocator = "USCC"
    public var flowersAllocator = "SEQUENCE"
    public var digits = "4"
    public var years = "3"

    public init() {}
  }

  /// Writes the definition, its florist track schema and the shared business part schema.
  public init(_ options: Options = Options()) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("onewindow-florist-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder + "/florist", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: folder + "/common", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: Repository.path("Data/bundles/common/BusinessPart-v1.xsd"), toPath: folder + "/common/BusinessPart-v1.xsd")
    try Self.trackSchema.write(toFile: folder + "/florist/FloristPart-v1.xsd", atomically: true, encoding: .utf8)
    try Self.definition(options).write(toFile: folder + "/florist.xml", atomically: true, encoding: .utf8)
  }

  public func remove() { try? FileManager.default.removeItem(atPath: folder) }

  /// A florist opening for 王芳 (valid resident ID), whose flower-stall part says `area` m².
  public static func opening(area: String = "12.5", principal: String = "王芳") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <TradeBundle xmlns="urn:onewindow:tradebundle:v1">
      <Header>
        <PacketId>TB-FLOWER-0001</PacketId>
        <SchemaVersion>1.0</SchemaVersion>
        <CreatedAt>2026-06-01T09:00:00+08:00</CreatedAt>
      </Header>
      <Definition>florist</Definition>
      <Kind>OPENING</Kind>
      <Core>
        <Name>市南区芳华花店</Name>
        <Applicant>
          <Name>王芳</Name>
          <Identity>\(applicant)</Identity>
        </Applicant>
        <Place>山东省青岛市市南区江西路12号</Place>
        <Scope>鲜花零售</Scope>
      </Core>
      <Part track="BUSINESS">
        <BusinessPart xmlns="urn:onewindow:trade:business:v1">
          <OperatorName>王芳</OperatorName>
          <CompositionForm>个人经营</CompositionForm>
          <Scope>鲜花零售</Scope>
        </BusinessPart>
      </Part>
      <Part track="FLOWERS">
        <FloristPart xmlns="urn:onewindow:trade:florist:flowers:v1">
          <Principal>\(principal)</Principal>
          <StallArea>\(area)</StallArea>
        </FloristPart>
      </Part>
    </TradeBundle>

    """
  }

  /// The florist applicant's resident ID (check digit valid).
  public static let applicant = "370202199001011237"

  static let trackSchema = """
    <?xml version="1.0" encoding="UTF-8"?>
    <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:onewindow:trade:florist:flowers:v1"
               elementFormDefault="qualified">
      <xs:element name="FloristPart">
        <xs:annotation>
          <xs:documentation xml:lang="zh">花卉经营备案申请</xs:documentation>
          <xs:documentation xml:lang="en">Florist filing</xs:documentation>
        </xs:annotation>
        <xs:complexType>
          <xs:sequence>
            <xs:element name="Principal" type="xs:string"/>
            <xs:element name="StallArea" type="xs:decimal"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
    </xs:schema>

    """

  static func definition(_ options: Options) -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <BundleDefinition xmlns="urn:onewindow:bundledef:v1">
      <Id>\(options.id)</Id>
      <Version>1</Version>
      <Name><Zh>开办花店“一件事”</Zh><En>Opening a florist</En></Name>
      <Kind>TRADE</Kind>
      <Packets><Generic/></Packets>
      <Sources><Source>[INFERENCE] a test trade</Source></Sources>
      <Core>
        <Element><Path>Name</Path><Name><Zh>名称</Zh><En>Name</En></Name></Element>
        <Element><Path>Place</Path><Name><Zh>经营场所</Zh><En>Premises</En></Name></Element>
      </Core>
      <Tracks>
        <Track id="BUSINESS">
          <Name><Zh>营业执照</Zh><En>Business licence</En></Name>
          <Department><Zh>市南区行政审批服务局</Zh><En>Shinan Administrative Approval Service Bureau</En></Department>
          <Schema>common/BusinessPart-v1.xsd</Schema>
          <Decision role="REVIEWER"/>
          <Number allocator="\(options.businessAllocator)"/>
          <Validity indefinite="true"/>
          \(options.businessAfter)
          <Rules><Rule>\(options.rule)</Rule></Rules>
        </Track>
        <Track id="FLOWERS">
          <Name><Zh>花卉经营备案</Zh><En>Florist filing</En></Name>
          <Department><Zh>市南区园林部门</Zh><En>District landscaping authority</En></Department>
          <Schema>\(options.schema)</Schema>
          \(options.decision)
          <Number allocator="\(options.flowersAllocator)" prefix="\(options.prefix)" digits="\(options.digits)"/>
          <Validity years="\(options.years)"/>
          \(options.after)
        </Track>
      </Tracks>
      <Checks>
        <Check id="\(options.checkID)" kind="AT_LEAST" stage="ACCEPTANCE" severity="ERROR">
          <Track>FLOWERS</Track>
          <Path>StallArea</Path>
          <Minimum>5</Minimum>
          <Message><Zh>花卉摊位面积不足 5 平方米</Zh><En>The flower stall is under 5 m²</En></Message>
          <Hint><Zh>请核实摊位面积。</Zh><En>Check the stall's area.</En></Hint>
          <Basis><Zh>[INFERENCE] 测试用</Zh><En>[INFERENCE] for the tests</En></Basis>
        </Check>
      </Checks>
      <TimeLimits><Opening>1</Opening><Change>1</Change><Cancellation>1</Cancellation></TimeLimits>
      <Figures>
        <Before items="2" departments="2" forms="2" materials="5" visits="2"/>
        <After items="1" departments="2" forms="1" materials="3" visits="1"/>
      </Figures>
    </BundleDefinition>

    """
  }
}
