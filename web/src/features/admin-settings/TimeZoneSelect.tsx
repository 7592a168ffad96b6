import { Flex, Select, type SelectProps, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allTimeZones, COMMON_TIME_ZONES, utcOffset } from './time-zones';

interface ZoneOption {
  value?: string;
  label: React.ReactNode;
  /** What the search box matches: the zone id, its offset and the city with spaces. */
  search?: string;
  /** Set on the two groups (common, all). */
  options?: ZoneOption[];
}

function zoneOption(zone: string): ZoneOption {
  const offset = utcOffset(zone);
  return {
    value: zone,
    search: `${zone} ${zone.replaceAll('_', ' ')} ${offset}`.toLowerCase(),
    label: (
      <Flex justify="space-between" gap={8}>
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{zone}</span>
        <Typography.Text type="secondary" style={{ flex: 'none' }}>
          {offset}
        </Typography.Text>
      </Flex>
    ),
  };
}

/** A searchable IANA time zone picker: the common zones first, then every zone the browser knows. */
export function TimeZoneSelect({ value, ...props }: Omit<SelectProps<string>, 'options' | 'showSearch'>) {
  const { t } = useTranslation();
  const options = useMemo((): ZoneOption[] => {
    const common = new Set<string>(COMMON_TIME_ZONES);
    const rest = allTimeZones().filter((z) => !common.has(z));
    // A saved zone the browser does not list (an alias such as Asia/Chongqing) stays selectable.
    if (value && !common.has(value) && !rest.includes(value)) rest.unshift(value);
    return [
      { label: t('settings.timezoneCommon'), options: COMMON_TIME_ZONES.map(zoneOption) },
      { label: t('settings.timezoneAll'), options: rest.map(zoneOption) },
    ];
  }, [t, value]);

  return (
    <Select<string, ZoneOption>
      {...props}
      value={value}
      options={options}
      showSearch={{
        filterOption: (input, option) => Boolean(option?.search?.includes(input.trim().toLowerCase())),
      }}
      labelRender={({ value: zone }) => (zone ? `${zone} · ${utcOffset(String(zone))}` : null)}
      listHeight={320}
    />
  );
}
