/**
 * The organizations an inspection visits, picked one by one from the org tree under the caller (the server
 * refuses one outside the issuer's subtree, on this field): the chosen ones stay as tags that can be removed.
 */
import { useRef, useState } from 'react';
import { Space, Tag } from 'antd';
import { useT } from '../../../app/i18n';
import { OrgTreeSelect } from '../../../components/OrgTreeSelect';

/** Props: the chosen ids (a form field's value) and their change. */
export interface OrgsPickerProps {
  id?: string;
  value?: number[];
  onChange?: (ids: number[]) => void;
}

/** A multiple organization picker over the org tree. */
export function OrgsPicker({ id, value = [], onChange }: OrgsPickerProps) {
  const t = useT();
  const names = useRef(new Map<number, string>());
  const [key, setKey] = useState(0);
  return (
    <div>
      <OrgTreeSelect
        key={key}
        id={id}
        value={null}
        ariaLabel={t('添加被检查单位', 'Add an organization to visit')}
        placeholder={t('从组织树中选择，可多次添加', 'Pick from the tree; add as many as needed')}
        onChange={(org, name) => {
          if (org == null) return;
          if (name) names.current.set(org, name);
          if (!value.includes(org)) onChange?.([...value, org]);
          setKey((k) => k + 1);
        }}
      />
      <Space wrap size={[6, 6]} style={{ marginTop: 8 }} data-testid="visit-orgs">
        {value.length ? (
          value.map((o) => (
            <Tag key={o} closable onClose={() => onChange?.(value.filter((x) => x !== o))}>
              {names.current.get(o) ?? '…'}
            </Tag>
          ))
        ) : (
          <span className="dj-muted">
            {t('尚未选择被检查单位（也可开始后再添加）', 'None yet (they may be added later)')}
          </span>
        )}
      </Space>
    </div>
  );
}
