import { SearchOutlined } from '@ant-design/icons';
import { SEARCH_LIMITS } from '@zhoubao/contracts';
import { Button, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The header's way into search: a small box on wide screens, an icon button on phones. */
export function HeaderSearch({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  if (compact) {
    return (
      <Button
        type="text"
        icon={<SearchOutlined />}
        aria-label={t('search.title')}
        title={t('search.title')}
        onClick={() => void navigate('/search')}
        data-testid="header-search"
      />
    );
  }
  return (
    <Input
      value={text}
      onChange={(e) => setText(e.target.value)}
      onPressEnter={() => {
        const q = text.trim();
        void navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
        setText('');
      }}
      maxLength={SEARCH_LIMITS.query}
      prefix={<SearchOutlined />}
      placeholder={t('search.headerPlaceholder')}
      aria-label={t('search.title')}
      allowClear
      style={{ width: 200 }}
      data-testid="header-search"
    />
  );
}
