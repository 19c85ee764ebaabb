// Every screen: a document title and one <h1>, focused after an in-app navigation
// so that screen-reader users hear where they arrived.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../i18n';
import { hasNavigated } from '../router';

interface Props {
  title: string;
  children: ComponentChildren;
  className?: string;
}

export function Page({ title, children, className }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t('app.titleSuffix')}`;
  }, [title]);
  useEffect(() => {
    if (hasNavigated()) heading.current?.focus();
  }, []);
  return (
    <div class={className ? `page ${className}` : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
