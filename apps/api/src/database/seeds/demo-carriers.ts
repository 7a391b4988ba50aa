import { CarrierKind, InstrumentPriceUnit } from '@xkx/contracts';
import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { EntityManager } from 'typeorm';
import { InnovationCarrierEntity } from '../../modules/carriers/entities/innovation-carrier.entity';
import { ProjectLandingEntity } from '../../modules/carriers/entities/project-landing.entity';
import { SharedInstrumentEntity } from '../../modules/instruments/entities/shared-instrument.entity';

/**
 * Demo innovation carriers (科创载体) of Qixia. The names are those of real parks in or next to the district;
 * every figure (areas, rents, contacts, fields) is illustrative, and each row says so (`illustrative`).
 */
const DEMO_CARRIERS: Array<Omit<InnovationCarrierEntity, 'id' | 'createdAt' | 'updatedAt' | 'version' | 'active' | 'illustrative'>> = [
  { nameZh: '紫东国际创意园', nameEn: 'Zidong International Creative Park', kind: CarrierKind.INDUSTRIAL_SPACE, address: '南京市栖霞区马群街道紫东路 2 号', totalAreaM2: 320_000, availableAreaM2: 18_500, priceMinFenPerM2Month: 4_500, priceMaxFenPerM2Month: 7_800, fieldCodes: ['AI', 'EIC'], description: '数字文创、软件与人工智能企业集聚的产业园区（面积与租金为示意数据）。', contactName: '园区招商部', contactPhone: '025-8558-0001', contactEmail: null },
  { nameZh: '南京大学国家大学科技园（仙林园区）', nameEn: 'Nanjing University National Science Park (Xianlin)', kind: CarrierKind.SCIENCE_PARK, address: '南京市栖霞区仙林大道 163 号周边', totalAreaM2: 150_000, availableAreaM2: 9_200, priceMinFenPerM2Month: 3_500, priceMaxFenPerM2Month: 6_500, fieldCodes: ['NM', 'AI', 'BIO'], description: '依托南京大学的成果转化与科技企业孵化载体（数据为示意）。', contactName: '科技园孵化部', contactPhone: '025-8558-0002', contactEmail: null },
  { nameZh: '南京邮电大学国家大学科技园', nameEn: 'NJUPT National University Science Park', kind: CarrierKind.SCIENCE_PARK, address: '南京市栖霞区文苑路 9 号周边', totalAreaM2: 80_000, availableAreaM2: 6_800, priceMinFenPerM2Month: 3_200, priceMaxFenPerM2Month: 5_800, fieldCodes: ['EIC', 'ICV'], description: '电子信息、通信与物联网方向的大学科技园（数据为示意）。', contactName: '科技园运营中心', contactPhone: '025-8558-0003', contactEmail: null },
  { nameZh: '江苏生命科技创新园', nameEn: 'Jiangsu Life Science and Technology Innovation Park', kind: CarrierKind.INCUBATOR, address: '南京市栖霞区仙林街道纬地路周边', totalAreaM2: 200_000, availableAreaM2: 12_000, priceMinFenPerM2Month: 4_000, priceMaxFenPerM2Month: 9_000, fieldCodes: ['BIO'], description: '生物医药研发与中试空间，配备公共实验平台（数据为示意）。', contactName: '创新园招商中心', contactPhone: '025-8558-0004', contactEmail: null },
  { nameZh: '南京经济技术开发区智能制造产业空间', nameEn: 'Nanjing Economic and Technological Development Zone — manufacturing space', kind: CarrierKind.INDUSTRIAL_SPACE, address: '南京市栖霞区恒通大道周边', totalAreaM2: 500_000, availableAreaM2: 40_000, priceMinFenPerM2Month: 2_200, priceMaxFenPerM2Month: 3_800, fieldCodes: ['IME', 'NE', 'ICV'], description: '标准厂房与定制厂房，适合中试与量产（数据为示意）。', contactName: '开发区投资促进局', contactPhone: '025-8558-0005', contactEmail: null },
  { nameZh: '仙林智谷', nameEn: 'Xianlin Zhigu', kind: CarrierKind.ACCELERATOR, address: '南京市栖霞区仙林街道', totalAreaM2: 120_000, availableAreaM2: 7_500, priceMinFenPerM2Month: 3_800, priceMaxFenPerM2Month: 6_000, fieldCodes: ['AI', 'EIC'], description: '面向成长期科技企业的加速空间（数据为示意）。', contactName: '智谷服务中心', contactPhone: '025-8558-0006', contactEmail: null },
  { nameZh: '燕子矶新城众创空间', nameEn: 'Yanziji New Town Makerspace', kind: CarrierKind.MAKERSPACE, address: '南京市栖霞区燕子矶街道', totalAreaM2: 6_000, availableAreaM2: 1_200, priceMinFenPerM2Month: 0, priceMaxFenPerM2Month: 3_000, fieldCodes: ['AI', 'EP'], description: '初创团队工位与路演空间，首年工位可减免（数据为示意）。', contactName: '空间运营', contactPhone: '025-8558-0007', contactEmail: null },
  { nameZh: '龙潭新材料产业园', nameEn: 'Longtan New Materials Industrial Park', kind: CarrierKind.INDUSTRIAL_SPACE, address: '南京市栖霞区龙潭街道', totalAreaM2: 260_000, availableAreaM2: 22_000, priceMinFenPerM2Month: 1_800, priceMaxFenPerM2Month: 3_200, fieldCodes: ['NM', 'PC', 'EP'], description: '新材料与绿色化工项目的产业化空间（数据为示意）。', contactName: '园区管委会', contactPhone: '025-8558-0008', contactEmail: null },
];

/** 20 shared instruments, spread over the demo laboratories (real instrument models; prices illustrative). */
const DEMO_INSTRUMENTS: Array<{ nameZh: string; model: string; capability: string; unit: InstrumentPriceUnit; priceFen: number }> = [
  { nameZh: '场发射扫描电子显微镜', model: 'Zeiss Sigma 300', capability: '表面形貌观察，分辨率 1.2 nm；能谱元素分析', unit: 'SAMPLE', priceFen: 40_000 },
  { nameZh: '场发射透射电子显微镜', model: 'Thermo Fisher Talos F200X', capability: '原子级结构成像、选区电子衍射、能谱面分布', unit: 'HOUR', priceFen: 120_000 },
  { nameZh: '600 MHz 核磁共振波谱仪', model: 'Bruker AVANCE III 600', capability: '有机小分子与高分子结构鉴定，一维与二维谱', unit: 'SAMPLE', priceFen: 30_000 },
  { nameZh: 'X 射线衍射仪', model: 'Rigaku SmartLab', capability: '物相定性定量、晶粒尺寸、薄膜掠入射测试', unit: 'SAMPLE', priceFen: 15_000 },
  { nameZh: 'X 射线光电子能谱仪', model: 'Thermo Scientific K-Alpha', capability: '表面元素组成与化学态分析，深度剖析', unit: 'SAMPLE', priceFen: 50_000 },
  { nameZh: '激光共聚焦显微镜', model: 'Zeiss LSM 900', capability: '细胞与组织三维荧光成像、活细胞时间序列', unit: 'HOUR', priceFen: 30_000 },
  { nameZh: '流式细胞仪', model: 'BD FACSCanto II', capability: '多色细胞表型分析、凋亡与周期检测', unit: 'SAMPLE', priceFen: 8_000 },
  { nameZh: '高分辨质谱仪', model: 'Thermo Q Exactive', capability: '代谢物与药物杂质精确质量测定', unit: 'SAMPLE', priceFen: 60_000 },
  { nameZh: '电化学工作站', model: 'Bio-Logic VMP-300', capability: '循环伏安、交流阻抗、电池充放电测试', unit: 'DAY', priceFen: 50_000 },
  { nameZh: '电池充放电测试系统', model: 'Neware CT-4008', capability: '锂电池循环寿命与倍率性能测试', unit: 'DAY', priceFen: 20_000 },
  { nameZh: '原子力显微镜', model: 'Bruker Dimension Icon', capability: '纳米级表面形貌、力学与电学性质', unit: 'HOUR', priceFen: 40_000 },
  { nameZh: '拉曼光谱仪', model: 'Horiba LabRAM HR Evolution', capability: '分子结构与应力分析，面扫描成像', unit: 'SAMPLE', priceFen: 20_000 },
  { nameZh: '矢量网络分析仪', model: 'Keysight N5227B', capability: '10 MHz–67 GHz 器件 S 参数测试', unit: 'HOUR', priceFen: 60_000 },
  { nameZh: '频谱分析仪', model: 'Rohde & Schwarz FSW43', capability: '射频信号频谱、相位噪声与调制分析', unit: 'HOUR', priceFen: 40_000 },
  { nameZh: '半导体参数分析仪', model: 'Keysight B1500A', capability: '晶体管 I-V、C-V 特性与可靠性测试', unit: 'HOUR', priceFen: 35_000 },
  { nameZh: 'GPU 计算集群', model: '8 × NVIDIA A100 节点', capability: '大模型训练与推理、科学计算', unit: 'HOUR', priceFen: 2_000 },
  { nameZh: '热重-差示扫描量热联用仪', model: 'Netzsch STA 449 F3', capability: '材料热稳定性、相变与组分分析', unit: 'SAMPLE', priceFen: 12_000 },
  { nameZh: '比表面积与孔径分析仪', model: 'Micromeritics ASAP 2460', capability: 'BET 比表面积、孔径分布', unit: 'SAMPLE', priceFen: 10_000 },
  { nameZh: '高效液相色谱仪', model: 'Agilent 1260 Infinity II', capability: '药物含量测定与有关物质检查', unit: 'SAMPLE', priceFen: 10_000 },
  { nameZh: '万能材料试验机', model: 'Instron 5967', capability: '拉伸、压缩、弯曲力学性能测试，30 kN', unit: 'SAMPLE', priceFen: 8_000 },
];

/** Certificates of the demo enterprises flagged 高企 / 专精特新: one of each kind expires within 6 months. */
async function seedCertificates(manager: EntityManager, today: string): Promise<number> {
  const rows = await manager.query<Array<{ id: string; is_high_tech: boolean; is_specialized: boolean }>>(
    `SELECT id, is_high_tech, is_specialized FROM organization WHERE kind = 'ENTERPRISE' AND (is_high_tech OR is_specialized) ORDER BY credit_code NULLS LAST, name_zh`,
  );
  let n = 0;
  for (const [i, o] of rows.entries()) {
    // The first of each kind expires in about two and four months; the others later.
    const htExpires = addCalendarDays(today, i === 0 ? 60 : 400 + i * 30);
    const spExpires = addCalendarDays(today, i === 1 ? 120 : 500 + i * 30);
    await manager.query(
      `UPDATE organization SET
         high_tech_cert_no = CASE WHEN is_high_tech THEN $2 END, high_tech_issued_on = CASE WHEN is_high_tech THEN $3::date - interval '3 years' + interval '1 day' END, high_tech_expires_on = CASE WHEN is_high_tech THEN $3::date END,
         specialized_cert_no = CASE WHEN is_specialized THEN $4 END, specialized_issued_on = CASE WHEN is_specialized THEN $5::date - interval '3 years' + interval '1 day' END, specialized_expires_on = CASE WHEN is_specialized THEN $5::date END
       WHERE id = $1`,
      [o.id, `GR2024320${String(1000 + i).padStart(5, '0')}`, htExpires, `ZJTX-2024-${String(101 + i).padStart(4, '0')}`, spExpires],
    );
    n += 1;
  }
  return n;
}

/** The demo carriers, the shared instruments of the demo laboratories, certificates, and landings on a few signed demo deals. */
export async function seedDemoCarriers(manager: EntityManager, brokerId: string): Promise<{ carriers: number; instruments: number; landings: number; certificates: number }> {
  const today = shanghaiDate();
  const carriers = await manager.save(DEMO_CARRIERS.map((c) => manager.create(InnovationCarrierEntity, { ...c, illustrative: true, active: true })));

  const labs = await manager.query<Array<{ id: string; name_zh: string }>>(`SELECT id, name_zh FROM laboratory ORDER BY name_zh, id`);
  let instruments = 0;
  if (labs.length) {
    for (const [i, d] of DEMO_INSTRUMENTS.entries()) {
      const lab = labs[i % labs.length]!;
      await manager.save(manager.create(SharedInstrumentEntity, {
        laboratoryId: lab.id, nameZh: d.nameZh, model: d.model, capability: d.capability, location: `${lab.name_zh}公共测试平台`,
        bookingTerms: '提前 3 个工作日在线预约；校外用户签订技术服务合同后上机，可委托测试。收费为示意数据。', priceFen: d.priceFen, priceUnit: d.unit, active: true,
      }));
      instruments += 1;
    }
  }

  // Landings on signed demo deals whose first contract is a registered project contract of this year.
  const signed = await manager.query<Array<{ deal_id: string; signed_on: string; enterprise: string; field: string | null }>>(
    `SELECT DISTINCT ON (d.id) d.id AS deal_id, c.signed_on::text AS signed_on, e.name_zh AS enterprise, d.field_codes[1] AS field
     FROM deal d JOIN tech_contract c ON c.deal_id = d.id JOIN organization e ON e.id = d.enterprise_org_id
     WHERE d.stage IN ('REGISTERED', 'PAID', 'CLOSED') AND c.registration_status = 'REGISTERED' AND c.signed_on >= date_trunc('year', $1::date) AND c.signed_on <= $1::date
     ORDER BY d.id, c.signed_on`,
    [today],
  );
  const picked = signed.sort((a, b) => a.signed_on.localeCompare(b.signed_on) || a.deal_id.localeCompare(b.deal_id)).slice(0, 4);
  let landings = 0;
  for (const [i, s] of picked.entries()) {
    const top = (s.field ?? '').split('.')[0];
    const carrier = carriers.find((c) => c.fieldCodes.includes(top)) ?? carriers[i % carriers.length]!;
    const landedOn = [addCalendarDays(s.signed_on, 20 + i * 5), today].sort()[0]!;
    await manager.save(manager.create(ProjectLandingEntity, {
      dealId: s.deal_id, carrierId: carrier.id, areaM2: 300 + i * 450, kind: i % 2 === 0 ? 'SET_UP' : 'EXPANDED',
      companyName: i % 2 === 0 ? `${s.enterprise.replace(/有限公司|股份有限公司/, '')}转化项目公司` : s.enterprise, companyCreditCode: null,
      jobsPlanned: 12 + i * 9, landedOn, note: '演示数据', recordedById: brokerId,
    }));
    landings += 1;
  }
  const certificates = await seedCertificates(manager, today);
  return { carriers: carriers.length, instruments, landings, certificates };
}
