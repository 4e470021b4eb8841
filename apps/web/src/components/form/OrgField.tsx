/**
 * OrgField: the organization a record belongs to, as a form field (`orgId` by default) with the org tree.
 *
 *   const home = useHomeOrg();
 *   <EntityForm initialValues={{ orgId: home.id }} …>
 *     <OrgField col="half" label={t('所在组织', 'Organization')} required={t('请选择…', 'Choose…')}
 *       current={record?.orgName} />
 */
import { useScope } from '../../app/scope';
import { useMe } from '../../app/session';
import { OrgTreeSelect, type OrgTreeSelectProps } from '../OrgTreeSelect';
import { Field, type FieldProps } from './Field';

/** The organization a new record starts in: the one chosen in the scope bar, else the user's own. */
export function useHomeOrg(): { id?: number; name?: string } {
  const { org } = useScope();
  const { data: me } = useMe();
  return { id: org?.id ?? me?.orgId ?? undefined, name: org?.name ?? me?.orgName ?? undefined };
}

/** Props: a Field's, less its child; `current` names the record's organization, `onPick` follows a new pick. */
export interface OrgFieldProps extends Omit<FieldProps, 'children'> {
  current?: string | null;
  onPick?: OrgTreeSelectProps['onChange'];
}

/** The organization field: the tree shows the record's organization, else the home one, before it loads. */
export function OrgField({ current, onPick, name = 'orgId', ...field }: OrgFieldProps) {
  const home = useHomeOrg();
  return (
    <Field name={name} {...field}>
      <OrgTreeSelect valueLabel={current ?? home.name} onChange={onPick} />
    </Field>
  );
}
