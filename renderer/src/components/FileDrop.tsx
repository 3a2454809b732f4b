// A drop zone that is also a file picker (click, Enter or Space). Files are handed over, never uploaded by antd itself.
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

interface Props {
  multiple: boolean;
  disabled?: boolean;
  title: string;
  hint: string;
  testId: string;
  onFiles: (files: File[]) => void;
}

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function FileDrop({ multiple, disabled, title, hint, testId, onFiles }: Props) {
  let batch: File[] = [];
  return (
    <div data-testid={testId}>
    <Upload.Dragger
      accept={XLSX}
      multiple={multiple}
      disabled={disabled}
      showUploadList={false}
      beforeUpload={(file, fileList) => {
        // antd calls this once per file with the whole batch; hand the batch over once, at its last file.
        batch = fileList;
        if (file === fileList[fileList.length - 1]) onFiles(batch);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined aria-hidden />
      </p>
      <p className="ant-upload-text">{title}</p>
      <p className="ant-upload-hint">{hint}</p>
    </Upload.Dragger>
    </div>
  );
}
