import type { ThemeConfig } from 'antd';

/**
 * Big, calm and readable: many users are older or on cheap phones. Base type 16px,
 * controls 40px tall (48px large), a green that reads as "public service" in China.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b6e4f',
    colorInfo: '#1d6fb8',
    fontSize: 16,
    fontSizeSM: 14,
    fontSizeLG: 18,
    controlHeight: 40,
    controlHeightSM: 32,
    controlHeightLG: 48,
    borderRadius: 6,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', headerHeight: 56, headerPadding: '0 16px', siderBg: '#ffffff', bodyBg: '#f5f7f6' },
    Menu: {
      itemHeight: 48,
      iconSize: 18,
      itemSelectedBg: '#e1f0e8',
      itemSelectedColor: '#0b6e4f',
      itemHoverBg: '#eef6f2',
    },
    Table: { cellPaddingBlock: 12 },
    Tree: { titleHeight: 36, nodeSelectedBg: '#d6ebe0', nodeHoverBg: '#eef6f2' },
    Descriptions: { labelBg: '#f7faf8' },
  },
};
