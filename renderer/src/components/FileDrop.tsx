// A drop zone that is also a file picker (click, Enter or Space). Files are handed over, never uploaded by antd itself.
// With `folders`, any file is taken and dropped folders are walked for their workbooks (folderFiles.ts);
// FolderButton picks a whole folder the same way.
import { useRef, type DragEvent, type ReactNode } from 'react';
import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { filesOfDrop, workbooksOfFolder } from './folderFiles.ts';

interface Props {
  multiple: boolean;
  disabled?: boolean;
  /** Accept dropped folders (their workbooks) and files of any kind. */
  folders?: boolean;
  /** The file types the picker offers (default: workbooks). */
  accept?: string;
  title: string;
  hint: string;
  testId: string;
  onFiles: (files: File[]) => void;
}

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The region's own file: an .xlsx, or an .xls or .ods that LibreOffice converts. */
export const REGION_FILE = `${XLSX},.xls,.ods`;

export function FileDrop({ multiple, disabled, folders, accept = XLSX, title, hint, testId, onFiles }: Props) {
  // Set while a drop is walked here, so that the same drop, seen by antd too, is not handed over twice.
  const walkingDrop = useRef(false);
  let batch: File[] = [];

  const onDropCapture = (event: DragEvent<HTMLDivElement>) => {
    if (!folders || disabled) return;
    walkingDrop.current = true;
    setTimeout(() => {
      walkingDrop.current = false;
    }, 0);
    void filesOfDrop(event.dataTransfer).then(onFiles);
  };

  return (
    <div data-testid={testId} onDropCapture={onDropCapture}>
    <Upload.Dragger
      accept={folders ? undefined : accept}
      multiple={multiple}
      disabled={disabled}
      showUploadList={false}
      beforeUpload={(file, fileList) => {
        if (walkingDrop.current) return false;
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

interface FolderButtonProps {
  disabled?: boolean;
  testId: string;
  children: ReactNode;
  /** The workbooks of the chosen folder and its subfolders; empty when it has none. */
  onFiles: (files: File[]) => void;
}

/** A button that picks a whole folder (<input webkitdirectory>, hidden beside it). */
export function FolderButton({ disabled, testId, children, onFiles }: FolderButtonProps) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <span data-testid={testId}>
      <Button icon={<FolderOpenOutlined />} disabled={disabled} onClick={() => input.current?.click()}>
        {children}
      </Button>
      <input
        ref={(element) => {
          input.current = element;
          if (element) element.webkitdirectory = true;
        }}
        type="file"
        multiple
        hidden
        disabled={disabled}
        onChange={(event) => {
          const files = workbooksOfFolder(event.target.files ?? []);
          event.target.value = '';
          onFiles(files);
        }}
      />
    </span>
  );
}
