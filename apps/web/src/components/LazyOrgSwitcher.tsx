/** The header's org switcher: a light button until used, then the lazy tree picker (keeps the first view small). */
import { lazy, Suspense, useState } from 'react';
import { Button } from 'antd';
import { ApartmentOutlined, DownOutlined } from '@ant-design/icons';

const OrgTreeSelect = lazy(() => import('./OrgTreeSelect').then((m) => ({ default: m.OrgTreeSelect })));

/** Props: the current org and what to do with a new choice. */
export interface LazyOrgSwitcherProps {
  id: string;
  value: number | null;
  valueLabel: string;
  ariaLabel: string;
  onChange: (id: number | null, name?: string) => void;
}

function preload() {
  void import('./OrgTreeSelect');
}

/** A button showing the current org that turns into the tree picker when clicked. */
export function LazyOrgSwitcher({ id, value, valueLabel, ariaLabel, onChange }: LazyOrgSwitcherProps) {
  const [active, setActive] = useState(false);
  const button = (
    <Button
      id={id}
      aria-label={`${ariaLabel}: ${valueLabel}`}
      style={{ width: 260, justifyContent: 'space-between' }}
      onClick={() => setActive(true)}
      onMouseEnter={preload}
      onFocus={preload}
      data-testid="org-switcher"
    >
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-flex', gap: 6 }}>
        <ApartmentOutlined aria-hidden /> {valueLabel}
      </span>
      <DownOutlined aria-hidden style={{ fontSize: 11 }} />
    </Button>
  );
  if (!active) return button;
  return (
    <Suspense fallback={button}>
      <OrgTreeSelect
        id={id}
        ariaLabel={ariaLabel}
        value={value}
        valueLabel={valueLabel}
        onChange={onChange}
        style={{ width: 260 }}
        defaultOpen
      />
    </Suspense>
  );
}
