/** Renders antd's message and modal holders and hands their APIs to the feedback module. */
import { useEffect } from 'react';
import { message, Modal } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import type { HookAPI } from 'antd/es/modal/useModal';

export interface FeedbackApi {
  message: MessageInstance;
  modal: HookAPI;
}

/** The holder component; calls `onReady` once with the APIs. */
export default function FeedbackHost({ onReady }: { onReady: (api: FeedbackApi) => void }) {
  const [messageApi, messageHolder] = message.useMessage();
  const [modalApi, modalHolder] = Modal.useModal();
  useEffect(() => {
    onReady({ message: messageApi, modal: modalApi });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <>
      {messageHolder}
      {modalHolder}
    </>
  );
}
