import { Spin } from 'antd';

/** A centred spinner while a page or its data loads. */
export function PageLoading({ tip }: { tip?: string }) {
  return (
    <div
      style={{ display: 'flex', minHeight: 240, alignItems: 'center', justifyContent: 'center', padding: 24 }}
      role="status"
      aria-live="polite"
    >
      <Spin size="large" description={tip} />
    </div>
  );
}
