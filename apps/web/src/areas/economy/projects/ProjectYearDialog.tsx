/** The dialog of a project's year: funds given by source, social capital leveraged, households and income, in 万元. */
import { Divider, Input, InputNumber, Row } from 'antd';
import { PROJECT_FUND_SOURCES, type ProjectFundSource } from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLabel, useT } from '../../../app/i18n';
import { Field } from '../../../components/form/Field';
import { FormModal } from '../../../components/FormModal';
import { FEN_PER_WAN, fenOf, type ProjectDetail } from './projectsModel';

const SOURCES = Object.keys(PROJECT_FUND_SOURCES) as ProjectFundSource[];
const THIS_YEAR = new Date().getFullYear();

interface Props {
  project: ProjectDetail;
  /** The year to correct; a new one when left out. */
  year?: number;
  onSaved: (next: ProjectDetail) => void;
  onClose: () => void;
}

/** Records or corrects one year of a project. */
export function ProjectYearDialog({ project, year, onSaved, onClose }: Props) {
  const t = useT();
  const lbl = useLabel();
  const old = project.years.find((y) => y.year === year);
  const w = (fen: number | undefined) => (fen ? fen / FEN_PER_WAN : undefined);
  const initial: Record<string, unknown> = old
    ? {
        year: old.year,
        leveraged: w(old.leveragedFen),
        households: old.households,
        householdsPoor: old.householdsPoor,
        householdsMonitored: old.householdsMonitored,
        householdIncome: w(old.householdIncomeFen),
        collectiveIncome: w(old.collectiveIncomeFen),
        note: old.note ?? undefined,
        ...Object.fromEntries(old.funds.map((f) => [`fund_${f.source}`, w(f.amountFen)])),
      }
    : {
        year: Math.min(THIS_YEAR, Math.max(project.startYear, THIS_YEAR)),
        households: 0,
        householdsPoor: 0,
        householdsMonitored: 0,
      };
  const money = (name: string, label: string, testId?: string) => (
    <Field col="half" label={label} name={name}>
      <InputNumber min={0} max={20000} step={0.01} precision={2} style={{ width: '100%' }} data-testid={testId} />
    </Field>
  );
  const count = (name: string, label: string, testId?: string) => (
    <Field col="third" label={label} name={name} required>
      <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid={testId} />
    </Field>
  );
  return (
    <FormModal<ProjectDetail>
      title={old ? t(`更正 ${old.year} 年度情况`, `Correct ${old.year}`) : t('登记年度情况', 'Record a year')}
      width={720}
      initialValues={initial}
      onSubmit={(b) =>
        api.post<ProjectDetail>(`/api/economy/projects/${project.id}/years`, {
          year: b.year,
          funds: SOURCES.filter((s) => Number(b[`fund_${s}`] ?? 0) > 0).map((s) => ({
            source: s,
            amountFen: fenOf(b[`fund_${s}`] as number),
          })),
          leveragedFen: fenOf(b.leveraged as number),
          households: b.households ?? 0,
          householdsPoor: b.householdsPoor ?? 0,
          householdsMonitored: b.householdsMonitored ?? 0,
          householdIncomeFen: fenOf(b.householdIncome as number),
          collectiveIncomeFen: fenOf(b.collectiveIncome as number),
          note: (b.note as string | undefined)?.trim() || null,
        })
      }
      onSaved={onSaved}
      onClose={onClose}
      fieldOfCode={{
        'projects.year_range': 'year',
        'projects.households_exceed': 'householdsPoor',
        'projects.duplicate_source': 'fund_red_fund',
      }}
    >
      <Row gutter={16}>
        <Field col="half" label={t('年度', 'Year')} name="year" required>
          <InputNumber
            min={project.startYear}
            max={THIS_YEAR}
            disabled={!!old}
            style={{ width: '100%' }}
            data-testid="year-year"
          />
        </Field>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('投入资金（万元）', 'Funds given (万元)')}
      </Divider>
      <Row gutter={16}>
        {SOURCES.map((s) => (
          <Field key={s} col="third" label={lbl(PROJECT_FUND_SOURCES, s)} name={`fund_${s}`}>
            <InputNumber
              min={0}
              max={20000}
              step={0.01}
              precision={2}
              style={{ width: '100%' }}
              data-testid={`fund-${s}`}
            />
          </Field>
        ))}
      </Row>
      <Row gutter={16}>{money('leveraged', t('撬动社会资金（万元）', 'Leveraged (万元)'), 'year-leveraged')}</Row>
      <Divider titlePlacement="start" plain>
        {t('联结带动', 'Households linked')}
      </Divider>
      <Row gutter={16}>
        {count('households', t('联结农户（户）', 'Households'), 'year-households')}
        {count('householdsPoor', t('其中脱贫户', 'Lifted out of poverty'), 'year-poor')}
        {count('householdsMonitored', t('其中监测户', 'Monitored'))}
        {money('householdIncome', t('农户增收（万元）', 'Added income (万元)'), 'year-income')}
        {money('collectiveIncome', t('村集体收益（万元）', 'Collective income (万元)'))}
        <Field col="full" label={t('说明', 'Note')} name="note" max={500}>
          <Input.TextArea rows={2} />
        </Field>
      </Row>
    </FormModal>
  );
}
