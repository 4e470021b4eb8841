/** A TimePicker whose value is an `HH:mm` string on the 24-hour clock, as the API speaks. */
import { TimePicker } from 'antd';
import dayjs from 'dayjs';

/** Props of the time field. */
export interface TimeFieldProps {
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
  disabled?: boolean;
  placeholder?: string;
  status?: '' | 'error' | 'warning';
  allowClear?: boolean;
}

/** A time field bound to an `HH:mm` string. */
export function TimeField({ value, onChange, id, disabled, placeholder, status, allowClear }: TimeFieldProps) {
  return (
    <TimePicker
      id={id}
      status={status}
      style={{ width: '100%' }}
      format="HH:mm"
      needConfirm={false}
      showNow={false}
      allowClear={allowClear}
      placeholder={placeholder ?? 'HH:mm'}
      disabled={disabled}
      value={value ? dayjs(`2000-01-01T${value}`) : null}
      onChange={(d) => onChange?.(d ? d.format('HH:mm') : null)}
    />
  );
}
