import { useEffect, useRef } from 'react';
import { Button, Space, Tooltip } from 'antd';
import {
  BoldOutlined,
  ClearOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useI18n } from '../../../web/i18n/i18n';
import { M } from './courses.messages';

type Props = { value?: string; onChange?: (html: string) => void; id?: string; maxLength: number };

/**
 * A small rich-text box for course descriptions: bold, a heading, lists, links. Pasted text
 * comes in plain. What it produces is only a suggestion: the server keeps an allowlist.
 */
export function RichTextEditor({ value, onChange, id, maxLength }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // Write the value into the box only when it changed from outside (typing would move the caret).
  useEffect(() => {
    if (ref.current && ref.current.innerHTML !== (value ?? '')) ref.current.innerHTML = value ?? '';
  }, [value]);
  const emit = () => {
    const html = ref.current?.innerHTML ?? '';
    onChange?.(html.length > maxLength ? html.slice(0, maxLength) : html);
  };
  const run = (command: string, arg?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, arg);
    emit();
  };
  const link = () => {
    const url = window.prompt(t(M.linkPrompt), 'https://');
    if (url && /^https?:\/\/\S+$/i.test(url)) run('createLink', url);
  };
  const tool = (title: string, icon: React.ReactNode, onClick: () => void) => (
    <Tooltip title={title}>
      <Button aria-label={title} icon={icon} onMouseDown={(e) => e.preventDefault()} onClick={onClick} />
    </Tooltip>
  );
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 8 }}>
      <Space wrap size={4} style={{ padding: 6, borderBottom: '1px solid #f0f0f0', width: '100%' }}>
        {tool(t(M.bold), <BoldOutlined />, () => run('bold'))}
        <Button onMouseDown={(e) => e.preventDefault()} onClick={() => run('formatBlock', 'h3')}>
          {t(M.heading)}
        </Button>
        {tool(t(M.bullets), <UnorderedListOutlined />, () => run('insertUnorderedList'))}
        {tool(t(M.numbers), <OrderedListOutlined />, () => run('insertOrderedList'))}
        {tool(t(M.link), <LinkOutlined />, link)}
        {tool(t(M.clearFormat), <ClearOutlined />, () => {
          run('removeFormat');
          run('formatBlock', 'p');
        })}
      </Space>
      <div
        id={id}
        ref={ref}
        role="textbox"
        aria-multiline="true"
        contentEditable
        suppressContentEditableWarning
        className="course-rich-text"
        onInput={emit}
        onBlur={emit}
        onPaste={(e) => {
          e.preventDefault();
          document.execCommand('insertText', false, e.clipboardData.getData('text/plain'));
        }}
        style={{ minHeight: 140, padding: '8px 12px', outline: 'none', fontSize: 16, lineHeight: 1.7 }}
      />
    </div>
  );
}
