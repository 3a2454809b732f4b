// Campaigns by their titles wherever a record names one by its id («nik-2027»); the id while the list loads.
import { labelLanguage, useLanguage } from '../i18n.ts';
import { useApiQuery } from '../data/cache.ts';

export function useCampaignTitles(): (id: string) => string {
  const campaigns = useApiQuery('campaigns.list', {});
  const { language } = useLanguage();
  return (id) => campaigns.data?.find((campaign) => campaign.id === id)?.title[labelLanguage(language)] ?? id;
}
