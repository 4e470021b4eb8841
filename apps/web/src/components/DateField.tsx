/** A DatePicker whose value is a `YYYY-MM-DD` string, as the API speaks. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { chinaToday } from '@dangjian/contracts';

/** Props of the date field. */
export interface DateFieldProps {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  maxToday?: boolean;
  /** The last day that may be chosen (`YYYY-MM-DD`), e.g. how far ahead a meeting may be planned. */
  maxDay?: string;
  status?: '' | 'error' | 'warning';
}

/** A date field bound to a `YYYY-MM-DD` string. */
export function DateField({ value, onChange, id, disabled, placeholder, maxToday, maxDay, status }: DateFieldProps) {
  return (
    <DatePicker
      id={id}
      status={status}
      style={{ width: '100%' }}
      format="YYYY-MM-DD"
      placeholder={placeholder ?? 'YYYY-MM-DD'}
      disabled={disabled}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
      disabledDate={
        // "Today" is China's, as the server checks it: after 16:00 UTC a browser elsewhere is still on yesterday.
        maxToday
          ? (d) => d.format('YYYY-MM-DD') > chinaToday()
          : maxDay
            ? (d) => d.format('YYYY-MM-DD') > maxDay
            : undefined
      }
    />
  );
}
