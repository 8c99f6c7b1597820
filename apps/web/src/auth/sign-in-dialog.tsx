import { useEffect, useRef, useState } from 'preact/hooks';
import { reauth } from '../api/reauth';
import { navigate } from '../app/router';
import { session } from '../app/session';
import { t } from '../i18n';
import { SignInForm } from './sign-in-form';

/**
 * Opens over the page when the session has ended mid-work. Signing in again
 * resumes the waiting requests, so the form underneath keeps what was typed;
 * signing in as someone else starts over at their workspace instead.
 */
export function SignInDialog() {
  const [open, setOpen] = useState(reauth.isOpen());
  const [previous, setPrevious] = useState(session.current()?.user ?? null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => reauth.subscribe(setOpen), []);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPrevious(session.current()?.user ?? previous);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="reauth-title" aria-describedby="reauth-text" onCancel={() => reauth.cancel()}>
      {open && (
        <>
          <h2 id="reauth-title">{t.auth.sessionEndedTitle}</h2>
          <p id="reauth-text">{t.auth.sessionEndedText}</p>
          <SignInForm
            id="reauth"
            email={previous?.email}
            autoFocus
            onSignedIn={(res) => {
              if (previous && res.user.id !== previous.id) {
                reauth.cancel();
                navigate('/workspace');
              } else reauth.done();
            }}
          />
          <button type="button" class="button button--secondary" onClick={() => reauth.cancel()}>
            {t.auth.notNow}
          </button>
        </>
      )}
    </dialog>
  );
}
