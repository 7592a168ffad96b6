import { Col, Row, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toTreeSelectData } from '../../lib/department-tree';
import { useDepartments } from '../admin-departments/departments.api';
import { weekOptions } from '../assessment/period';
import { useWeekLabel } from '../wall/WeekPicker';
import { compareWeekIds } from '../wall/week-id';
import { usePeopleSearch, usePerson } from './search.api';

/** The narrowing a search may have; undefined means "any". */
export interface SearchFilterValues {
  from?: string | undefined;
  to?: string | undefined;
  departmentId?: string | undefined;
  userId?: string | undefined;
}

/** A person picker that searches names on the server as one types. */
function PersonSelect({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  // Ask the server once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const people = usePeopleSearch(query);
  const chosen = usePerson(value);
  const options = useMemo(() => {
    const list = (people.data?.items ?? []).map((u) => ({ value: u.id, label: u.displayName }));
    if (chosen.data && !list.some((o) => o.value === chosen.data.id))
      list.unshift({ value: chosen.data.id, label: chosen.data.displayName });
    return list;
  }, [people.data, chosen.data]);
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value}
      options={options}
      loading={people.isFetching}
      onChange={(id) => onChange(id ?? undefined)}
      onClear={() => setTyped('')}
      placeholder={t('search.anyPerson')}
      aria-label={t('search.person')}
      notFoundContent={people.isFetching ? undefined : t('search.noPeople')}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid="search-person"
    />
  );
}

/** Week range, department (tree) and person filters; every change goes straight to `onChange`. */
export function SearchFilters({
  values,
  currentWeek,
  onChange,
}: {
  values: SearchFilterValues;
  currentWeek: string | undefined;
  onChange: (changes: SearchFilterValues) => void;
}) {
  const { t } = useTranslation();
  const label = useWeekLabel();
  const departments = useDepartments();
  const treeData = useMemo(() => toTreeSelectData(departments.data?.tree ?? []), [departments.data]);
  const weeks = useMemo(
    () => (currentWeek ? weekOptions(currentWeek).map((w) => ({ value: w, label: label(w) })) : []),
    [currentWeek, label],
  );
  const week = (which: 'from' | 'to') => (
    <Select<string>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={values[which]}
      options={weeks}
      onChange={(w) => {
        const v = w ?? undefined;
        // A "from" after "to" moves the other end along, as the assessment's period does.
        if (which === 'from') onChange({ from: v, to: v && values.to && compareWeekIds(v, values.to) > 0 ? v : values.to });
        else onChange({ to: v, from: v && values.from && compareWeekIds(values.from, v) > 0 ? v : values.from });
      }}
      placeholder={t(which === 'from' ? 'search.fromAny' : 'search.toAny')}
      aria-label={t(which === 'from' ? 'search.from' : 'search.to')}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid={`search-${which}`}
    />
  );
  return (
    <Row gutter={[12, 12]}>
      <Col xs={12} md={6}>
        {week('from')}
      </Col>
      <Col xs={12} md={6}>
        {week('to')}
      </Col>
      <Col xs={24} md={6}>
        <TreeSelect<string>
          allowClear
          treeData={treeData}
          value={values.departmentId}
          onChange={(id) => onChange({ departmentId: id ?? undefined })}
          loading={departments.isPending}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          popupMatchSelectWidth={false}
          placeholder={t('search.allDepartments')}
          aria-label={t('search.department')}
          style={{ width: '100%' }}
          data-testid="search-department"
        />
      </Col>
      <Col xs={24} md={6}>
        <PersonSelect value={values.userId} onChange={(userId) => onChange({ userId })} />
      </Col>
    </Row>
  );
}
