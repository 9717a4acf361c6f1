import { Box } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import classes from './section-tabs.module.css';

export interface SectionTab {
  to: string;
  labelKey: ParseKeys;
  /** Only active on an exact match (an overview page whose children have tabs of their own). */
  end?: boolean;
}

/** The pages of one area (settings, administration) as a row of links styled as tabs. */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  const { t } = useTranslation();
  return (
    <Box component="nav" aria-label={label} className={classes.nav}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end} className={classes.link}>
          {t(tab.labelKey)}
        </NavLink>
      ))}
    </Box>
  );
}
