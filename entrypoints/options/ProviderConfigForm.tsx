import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ErrorNote } from '@/components/ErrorNote';
import { Field } from '@/components/Field';
import type { TestConnectionResult } from '@/utils/messaging/protocol';
import { t } from '@/utils/i18n/t';
import { sendToBackground } from '@/utils/messaging/send';
import { loadProviderConfig, saveProviderConfig } from '@/utils/translate/provider-config';
import type { ProviderConfig } from '@/utils/translate/types';
import { forOptionsPage, originPatterns, validateConfig, type FieldErrors } from './config-validation';
import type { ProviderFormInfo } from './provider-registry';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The form works on plain strings; blank and missing fields are the same to it. */
function asStrings(config: ProviderConfig): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(config)) if (typeof value === 'string' && value.trim()) out[name] = value.trim();
  return out;
}

type TestState = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: TestConnectionResult };

/** The settings form of one provider, generated from its ConfigField list, with Save and Test connection. */
export function ProviderConfigForm({ provider, onSaved }: { provider: ProviderFormInfo; onSaved(): void }) {
  const fields = provider.configFields ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>({ state: 'idle' });

  useEffect(() => {
    let live = true;
    loadProviderConfig(provider.id).then(
      (config) => {
        if (!live) return;
        setValues(asStrings(config));
        setSaved(asStrings(config));
      },
      (e: unknown) => live && setProblem(t('provider_read_failed', { error: describe(e) })),
    );
    return () => {
      live = false;
    };
  }, [provider.id]);

  const dirty = fields.some((f) => (values[f.name] ?? '').trim() !== (saved[f.name] ?? ''));

  /** Must start from a click: permissions.request needs the user gesture, so it is called first. */
  const save = async (): Promise<boolean> => {
    setNotice(null);
    setProblem(null);
    const found = validateConfig(fields, values);
    setErrors(found);
    if (Object.keys(found).length > 0) return false;
    const origins = originPatterns(fields, values);
    const permission = origins.length > 0 ? browser.permissions.request({ origins }) : Promise.resolve(true);
    let granted: boolean;
    try {
      granted = await permission;
    } catch (e) {
      setProblem(t('provider_access_ask_failed', { origins: origins.join(', '), error: describe(e) }));
      granted = false;
    }
    try {
      await saveProviderConfig(provider.id, values);
      const written = asStrings(values);
      setSaved(written);
      setValues(written);
      onSaved();
    } catch (e) {
      setProblem(t('provider_save_failed', { error: describe(e) }));
      return false;
    }
    if (!granted) {
      setNotice(null);
      setProblem((p) => p ?? t('provider_access_denied', { origins: origins.join(', ') }));
      return false;
    }
    setNotice(t('provider_saved'));
    return true;
  };

  const runTest = async () => {
    if (dirty && !(await save())) return;
    setTest({ state: 'running' });
    try {
      const result = await sendToBackground({ type: 'testConnection', provider: provider.id });
      if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
        throw new Error(t('err_no_answer'));
      }
      setTest({ state: 'done', result });
    } catch (e) {
      setTest({ state: 'done', result: { ok: false, error: { kind: 'internal', message: describe(e), retryable: false } } });
    }
    onSaved(); // the list shows what the test found ("not working: …" or "ready")
  };

  return (
    <form
      className="duet-provider-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {provider.configFields === null && (
        <p className="duet-hint">{t('provider_no_form', { provider: provider.label })}</p>
      )}
      {provider.configFields?.length === 0 && <p className="duet-hint">{t('provider_no_settings', { provider: provider.label })}</p>}
      {fields.map((field) => (
        <Field
          key={field.name}
          name={field.name}
          label={field.label}
          kind={field.kind}
          required={field.required}
          placeholder={field.placeholder}
          help={field.help}
          error={errors[field.name]}
          value={values[field.name] ?? ''}
          onChange={(v) => setValues((old) => ({ ...old, [field.name]: v }))}
        />
      ))}
      <ErrorNote message={problem} />
      <div className="duet-actions">
        {fields.length > 0 && (
          <button type="submit" className="duet-primary" disabled={!dirty}>
            {t('provider_save')}
          </button>
        )}
        <button type="button" onClick={() => void runTest()} disabled={test.state === 'running'}>
          {test.state === 'running' ? t('provider_testing') : dirty ? t('provider_save_test') : t('provider_test')}
        </button>
        {notice && (
          <span className="duet-ok" role="status">
            {notice}
          </span>
        )}
      </div>
      {test.state === 'done' && <TestResult result={test.result} />}
    </form>
  );
}

function TestResult({ result }: { result: TestConnectionResult }) {
  if (!result.ok) {
    return (
      <p className="duet-error" role="alert" data-test-result="failed">
        {t('provider_test_failed', { error: forOptionsPage(result.error.message) })}
      </p>
    );
  }
  return (
    <p className="duet-test-ok" role="status" data-test-result="ok">
      <span className="duet-ok">{t('provider_works')}</span> ({Math.round(result.ms)} ms): “{result.sample}” → “{result.translation}”
    </p>
  );
}
