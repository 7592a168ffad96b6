import { Flex, Spin } from 'antd';

/** A centred spinner for whole-page and route loading. */
export function FullPageSpin({ minHeight = '60vh' }: { minHeight?: number | string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight }}>
      <Spin size="large" />
    </Flex>
  );
}
