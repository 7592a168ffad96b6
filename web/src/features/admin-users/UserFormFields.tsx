import { PASSWORD_MIN, type TRole, USERNAME_PATTERN } from '@zhoubao/contracts';
import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXTRA_ROLES } from '../../lib/roles';
import { DepartmentSelect } from '../admin-departments/DepartmentSelect';

export interface UserFormValues {
  username: string;
  displayName: string;
  password?: string;
  departmentId: string | undefined;
  title?: string;
  email?: string;
  /** Extra roles only; "member" is added on save. */
  roles: TRole[];
  supervises: string[];
  sortOrder?: number | null;
}

/** The fields of the user form; the password is required only when creating. */
export function UserFormFields({ editing }: { editing: boolean }) {
  const { t } = useTranslation();
  const roles = Form.useWatch('roles') as TRole[] | undefined;
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[required, { pattern: USERNAME_PATTERN, message: t('validation.username') }, { max: 64 }]}
        >
          <Input autoComplete="off" autoCapitalize="off" data-testid="user-form-username" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="displayName" label={t('users.displayName')} rules={[required, { max: 64 }]}>
          <Input data-testid="user-form-display-name" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="password"
          label={editing ? t('users.newPassword') : t('users.password')}
          extra={editing ? t('users.newPasswordHelp') : t('users.passwordHelp')}
          rules={[
            ...(editing ? [] : [{ required: true, message: t('validation.required') }]),
            { min: PASSWORD_MIN, message: t('validation.passwordMin', { min: PASSWORD_MIN }) },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="departmentId"
          label={t('users.department')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DepartmentSelect placeholder={t('users.departmentPlaceholder')} data-testid="user-form-department" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="title" label={t('users.jobTitle')} rules={[{ max: 64 }]}>
          <Input data-testid="user-form-title" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[{ type: 'email', message: t('validation.email') }, { max: 254 }]}
        >
          <Input inputMode="email" data-testid="user-form-email" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="roles" label={t('users.roles')} extra={t('users.rolesHelp')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('roles.member')}
            options={EXTRA_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            data-testid="user-form-roles"
          />
        </Form.Item>
      </Col>
      {roles?.includes('leader') && (
        <Col span={24}>
          <Form.Item name="supervises" label={t('users.supervises')} extra={t('users.supervisesHelp')}>
            <DepartmentSelect
              multiple
              treeCheckable={false}
              placeholder={t('users.supervisesPlaceholder')}
              data-testid="user-form-supervises"
            />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} sm={12}>
        <Form.Item name="sortOrder" label={t('users.sortOrder')} extra={t('users.sortOrderHelp')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid="user-form-sort-order" />
        </Form.Item>
      </Col>
    </Row>
  );
}
