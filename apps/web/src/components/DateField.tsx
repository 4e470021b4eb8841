/** A DatePicker whose value is a `YYYY-MM-DD` string, as the API speaks. */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

/** Props of the date field. */
export interface DateFieldProps {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  maxToday?: boolean;
  status?: '' | 'error' | 'warning';
}

/** A date field bound to a `YYYY-MM-DD` string. */
export function DateField({ value, onChange, id, disabled, placeholder, maxToday, status }: DateFieldProps) {
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
      disabledDate={maxToday ? (d) => d.isAfter(dayjs(), 'day') : undefined}
    />
  );
}
