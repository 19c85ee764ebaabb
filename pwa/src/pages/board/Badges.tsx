// Level and signal badges. Each reads without colour: the level carries its name and a
// distinct mark (○ ◆ ▲), a crisis signal a "!" and a heavier border than an early sign.
import type { Signal, WarningLevel } from '../../api/generated';
import { t } from '../../i18n';
import '../../styles/board.css';
import { isCrisis, levelLabel, signalLabel } from './labels';

const LEVEL_MARK: Record<WarningLevel, string> = { WATCH: '○', FOCUS: '◆', SEVERE: '▲' };

export function LevelBadge({ level }: { level: WarningLevel }) {
  return (
    <span class={`level-badge level-${level}`}>
      <span aria-hidden="true" class="level-mark">
        {LEVEL_MARK[level]}
      </span>
      <span class="visually-hidden">{t('case.levelPrefix')}</span>
      {levelLabel(level)}
    </span>
  );
}

export function SignalList({ signals }: { signals: Signal[] }) {
  if (signals.length === 0) return null;
  return (
    <ul class="sig-list">
      {signals.map((signal) => {
        const crisis = isCrisis(signal);
        return (
          <li key={signal} class={crisis ? 'sig sig-crisis' : 'sig sig-early'}>
            {crisis && (
              <span class="sig-mark" aria-hidden="true">
                !
              </span>
            )}
            {crisis && <span class="visually-hidden">{t('timeline.crisisPrefix')}</span>}
            {signalLabel(signal)}
          </li>
        );
      })}
    </ul>
  );
}
