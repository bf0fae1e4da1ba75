import type { ThemeConfig } from 'antd';

/**
 * Big, calm and readable: many users are older or on cheap phones. Base type 16px,
 * controls 40px tall (48px large), a green that reads as "public service" in China.
 * Every text colour reads at ≥ 4.5:1 on white and on the page's grey (WCAG 2.1 AA): antd's own
 * secondary (#8c8c8c) and placeholder (#bfbfbf) greys do not, and a list filter's placeholder
 * ("全部状态") is the only label a sighted user sees.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0b6e4f',
    colorInfo: '#1d6fb8',
    colorTextSecondary: '#515e58',
    colorTextDescription: '#515e58',
    colorTextTertiary: '#56625c',
    colorTextPlaceholder: '#5f6b66',
    // Status text (a danger link, 待审核 in warning colour, a success tag) at ≥ 4.5:1 too; the
    // coloured tags' palette is darkened in global.css (antd derives it from its seeds).
    colorSuccess: '#237804',
    colorWarning: '#9a5700',
    colorError: '#b3261e',
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
