import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TreeNode } from '../../organisations/org.contract';
import { useSaveMutation } from '../../../web/api/hooks';
import { useAuth } from '../../../web/auth/auth-context';
import { NumberField } from '../../../web/components/field-number';
import { TextField } from '../../../web/components/field-text';
import { FormDrawer } from '../../../web/components/form-drawer';
import { rules } from '../../../web/components/rules';
import { useI18n } from '../../../web/i18n/i18n';
import { NodeTreeSelect } from '../../../web/org-tree/node-tree-select';
import { ancestorsOf } from '../../../web/org-tree/tree-index';
import { useOrgTree } from '../../../web/org-tree/use-org-tree';
import { useThemes } from '../../themes/web';
import {
  COURSE_FORMS,
  COURSE_FORM_LABELS,
  COURSE_LIMITS,
  TARGET_GROUPS,
  TARGET_GROUP_LABELS,
  coursesApi,
  submitDeadline,
  type CourseDetail,
  type CourseUpdate,
  type ZCourseCreate,
} from '../courses.contract';
import { COURSE_EDITOR_ROLES } from '../courses.policy';
import { M } from './courses.messages';
import { useCourseRules } from './courses.queries';
import { MaterialUpload } from './material-upload';
import { RichTextEditor } from './rich-text-editor';
import { TeacherPick } from './teacher-pick';

/** The form holds the contract's input, with the date as the picker's value. */
type Values = Omit<z.input<typeof ZCourseCreate>, 'firstSessionDate'> & { firstSessionDate?: Dayjs | null };

/** One form for creating and editing a course (drafts and returned courses). */
export function CourseFormDrawer({
  course,
  onClose,
  onSaved,
}: {
  course?: CourseDetail;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { t, label, isZh } = useI18n();
  const { me } = useAuth();
  const [form] = Form.useForm<Values>();
  const save = useSaveMutation(form, coursesApi, {
    created: ({ body }) => t(M.created, { name: body.title }),
    onSaved: ({ id }) => onSaved(id),
  });
  const tree = useOrgTree();
  const themes = useThemes();
  const rulesQ = useCourseRules(themes.data?.countyId);
  const nodeId = Form.useWatch('nodeId', form);
  const first = Form.useWatch('firstSessionDate', form);
  const leadDays = course?.reviewLeadDays ?? rulesQ.data?.reviewLeadDays ?? 15;

  // A course belongs to a node where the user may write courses (their node or below it).
  const editorNodes = useMemo(
    () => new Set((me?.scopes ?? []).filter((s) => COURSE_EDITOR_ROLES.includes(s.role)).map((s) => s.nodeId)),
    [me],
  );
  const selectable = useCallback(
    (n: TreeNode) =>
      !!tree.data && (editorNodes.has(n.id) || ancestorsOf(tree.data, n.id).some((a) => editorNodes.has(a.id))),
    [tree.data, editorNodes],
  );

  const submit = (v: Values) => {
    const fields: CourseUpdate = {
      title: v.title.trim(),
      theme: v.theme,
      form: v.form,
      targetGroups: v.targetGroups ?? [],
      hours: v.hours,
      credits: v.credits ?? 0,
      descriptionHtml: v.descriptionHtml ?? '',
      firstSessionDate: v.firstSessionDate ? v.firstSessionDate.format('YYYY-MM-DD') : null,
      teacherIds: v.teacherIds ?? [],
      fileIds: v.fileIds ?? [],
    };
    if (course) void save.update({ params: { id: course.id }, body: fields });
    else void save.create({ body: { ...fields, nodeId: v.nodeId } });
  };

  const initial: Partial<Values> = course
    ? {
        ...course,
        firstSessionDate: course.firstSessionDate ? dayjs(course.firstSessionDate) : null,
        teacherIds: course.teachers.map((x) => x.id),
        fileIds: course.files.map((f) => f.id),
      }
    : {
        nodeId: me && editorNodes.has(me.user.homeNodeId) ? me.user.homeNodeId : undefined,
        form: 'lecture',
        targetGroups: [],
        hours: 2,
        credits: 1,
        teacherIds: [],
        fileIds: [],
        descriptionHtml: '',
      };
  const themeOptions = (themes.data?.themes ?? [])
    .filter((x) => x.active || x.key === course?.theme)
    .map((x) => ({ value: x.key, label: isZh ? x.nameZh : x.nameEn }));
  const deadline = first ? submitDeadline(first.format('YYYY-MM-DD'), leadDays) : null;

  return (
    <FormDrawer
      title={course ? `${t(M.editTitle)} · ${course.title}` : t(M.createTitle)}
      width={680}
      onClose={onClose}
      {...save.formProps(submit)}
      initialValues={initial}
    >
      <Form.Item name="nodeId" label={t(M.owner)} extra={t(M.ownerHelp)} rules={[rules.chosen(t)]}>
        {course ? <Input value={course.nodeName} disabled /> : <NodeTreeSelect selectable={selectable} />}
      </Form.Item>
      <TextField name="title" label={t(M.courseTitle)} max={COURSE_LIMITS.title} required autoFocus />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="theme" label={t(M.theme)} rules={[rules.chosen(t)]}>
            <Select options={themeOptions} loading={themes.isPending} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="form" label={t(M.form)} rules={[rules.chosen(t)]}>
            <Select options={COURSE_FORMS.map((f) => ({ value: f, label: label(COURSE_FORM_LABELS[f]) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <NumberField
            name="hours"
            label={t(M.hours)}
            min={COURSE_LIMITS.hoursMin}
            max={COURSE_LIMITS.hoursMax}
            step={0.5}
            required
          />
        </Col>
        <Col xs={12} sm={8}>
          <NumberField name="credits" label={t(M.credits)} min={0} max={COURSE_LIMITS.creditsMax} step={0.5} />
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="firstSessionDate"
            label={t(M.firstSessionDate)}
            extra={
              deadline
                ? `${t(M.firstSessionHelp, { n: leadDays })}（${t(M.submitDeadline)} ${deadline}）`
                : t(M.firstSessionHelp, { n: leadDays })
            }
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="targetGroups"
        label={t(M.targetGroups)}
        rules={[{ type: 'array', max: COURSE_LIMITS.targetGroups }]}
      >
        <Select
          mode="multiple"
          allowClear
          options={TARGET_GROUPS.map((g) => ({ value: g, label: label(TARGET_GROUP_LABELS[g]) }))}
        />
      </Form.Item>
      <Form.Item name="teacherIds" label={t(M.teachers)}>
        <TeacherPick initial={course?.teachers ?? []} max={COURSE_LIMITS.teachers} />
      </Form.Item>
      <Form.Item name="descriptionHtml" label={t(M.description)}>
        <RichTextEditor maxLength={COURSE_LIMITS.description} />
      </Form.Item>
      <Form.Item name="fileIds" label={t(M.materials)} extra={t(M.materialsHelp)}>
        <MaterialUpload nodeId={course?.nodeId ?? nodeId} initial={course?.files ?? []} max={COURSE_LIMITS.files} />
      </Form.Item>
    </FormDrawer>
  );
}
