/** What the lists of serving residents share: their recycle bin, and adding a record for the organization in view. */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../../components/feedback';
import type { RecycleConfig } from '../../../components/list/ListPage';
import type { ListUrl } from '../../../components/list/listUrl';
import { useScope } from '../../../app/scope';
import { useMe } from '../../../app/session';

/** The recycle bin of a residents list: deleting and restoring take `residents.write`. */
export function residentsBin<T>(
  name: (row: T) => string,
  title: string,
  back: string,
  invalidate?: string[],
): RecycleConfig<T> {
  return { capability: 'residents.write', name, invalidate, title, back };
}

/**
 * The "add" dialog of a list whose records belong to one organization: `start(url)` opens it for the organization
 * the list is filtered on (else the user's own); `org` is what the dialog gets (`orgId`, `orgName`); `saved` closes it
 * after a save, says `done`, refreshes the list under `key` and opens the record at `open` when given.
 */
export function useAddForOrg() {
  const { org } = useScope();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [adding, setAdding] = useState<number | null>(null);
  return {
    open: adding !== null,
    start: (url: ListUrl) => setAdding(Number(url.query.org) || me?.orgId || 0),
    stop: () => setAdding(null),
    org: { orgId: adding || undefined, orgName: org?.name ?? me?.orgName ?? undefined },
    saved: (done: string, key: string, open?: string) => {
      setAdding(null);
      message.success(done);
      qc.invalidateQueries({ queryKey: [key] });
      if (open) navigate(open);
    },
  };
}
