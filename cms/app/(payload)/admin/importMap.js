import { ReadOnlyNotice as ReadOnlyNotice_3cac806ebc70a00e0a71dc15372b94df } from '../../../../collections/Events/components/ReadOnlyNotice'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { DateLabel as DateLabel_ada2badfbe8289071e7b112ff0a5e14e } from '../../../components/DateLabel'
import { OriginalStartField as OriginalStartField_de53f13731a4454de2334aa3692a9630 } from '../../../../collections/Events/components/OriginalStartField'
import { CampaignPeriodNotice as CampaignPeriodNotice_2eec18a9d7feebbb9440b2610af1fb64 } from '../../../../collections/Events/components/CampaignPeriodNotice'
import { ReviewCell as ReviewCell_56bb4661404c8e356986949a65fdc0c2 } from '../../../../collections/Events/components/ReviewCell'
import { FollowersNotice as FollowersNotice_f80c19f32c302a3fa63e7ba907af0f5f } from '../../../../collections/Events/components/FollowersNotice'
import { NoticesSent as NoticesSent_f23f58d8ff979200d2cd375e4c1ffcd9 } from '../../../../collections/Events/components/NoticesSent'
import { EventListViews as EventListViews_4c4565183dd8c7ab782c8538aec6adad } from '../../../../collections/Events/components/EventListViews'
import { ViewOnSite as ViewOnSite_a4d0818576241e8ffa7bca27289e42cb } from '../../../components/ViewOnSite'
import { PrintLink as PrintLink_d9572f20290e97e1bbbb859f2ce429cd } from '../../../components/print/PrintLink'
import { PreviewLink as PreviewLink_9f1f81a8c0a7f9a91f48fc54601ce8e9 } from '../../../../collections/Events/components/PreviewLink'
import { CampaignEvents as CampaignEvents_64cd3d5635d33e3fe429d7ae44af0af2 } from '../../../../collections/Campaigns/components/CampaignEvents'
import { MaggioExport as MaggioExport_6396cfd575a0f1fc823903d1e362a8be } from '../../../../collections/Campaigns/components/MaggioExport'
import { FunderReport as FunderReport_943a07ace3fecd4983b1184b72cb8858 } from '../../../../collections/Funders/components/FunderReport'
import { InviteField as InviteField_a616926723dbd7bdd38a19e890a975f2 } from '../../../../collections/Users/components/InviteField'
import { EventPicker as EventPicker_b0b28ee9cad03c9a4fee1af3b67b05b0 } from '../../../../collections/Newsletters/components/EventPicker'
import { NewsletterTools as NewsletterTools_15f96de0293e037c574fc94b0d2fe742 } from '../../../../collections/Newsletters/components/NewsletterTools'
import { Progress as Progress_6f11da329226a9973b7d422e95e9c8d4 } from '../../../../collections/Newsletters/components/Progress'
import { AudienceSummary as AudienceSummary_43a65ae1235f844b0fca354acb0ade04 } from '../../../../collections/Newsletters/components/AudienceSummary'
import { GdprActions as GdprActions_f2dbf9b75fe860f387c9e1dd969b0c89 } from '../../../../collections/Subscribers/components/GdprActions'
import { SubscriberCounts as SubscriberCounts_b507db2ea28d75847289fd66d344569f } from '../../../../collections/Subscribers/components/SubscriberCounts'
import { SyncNow as SyncNow_669e96c5af8aae0ea678d4dc048fd037 } from '../../../../collections/CalendarSources/components/SyncNow'
import { RunLog as RunLog_799f7c58f3cd0f15e56c63a06b3f7232 } from '../../../../collections/CalendarSources/components/RunLog'
import { StaffAgendaLink as StaffAgendaLink_0df3970f37647b7e81a4ba09892438b4 } from '../../../components/StaffAgendaLink'
import { HealthNotice as HealthNotice_28737eea64bc433d287b689fda8b3390 } from '../../../components/HealthNotice'
import { LibrarianDay as LibrarianDay_bff40abc129a6e05e6bc84f23d913c0c } from '../../../components/LibrarianDay'
import { DeskLink as DeskLink_a8d98bda9ab1c293078e6fb8073c2241 } from '../../../components/desk/DeskLink'
import { AttendanceLink as AttendanceLink_3be5342641e74ec4ed33788a460f7a39 } from '../../../components/attendance/AttendanceLink'
import { ReportsLink as ReportsLink_346445e0a0f611f56dd5e89d31257452 } from '../../../components/reports/ReportsLink'
import { StatisticsLink as StatisticsLink_9adac64d41e886ffdc97615ff9109cea } from '../../../components/statistics/StatisticsLink'
import { PrintNavLink as PrintNavLink_b89b62475bfe4c7291633fa4cfa92721 } from '../../../components/print/PrintNavLink'
import { StaffAgenda as StaffAgenda_62eb87188987cb84147a5905fd940df0 } from '../../../components/StaffAgenda'
import { DeskIndex as DeskIndex_87e16304842fecaeaa18ac3a1b244f36 } from '../../../components/desk/DeskIndex'
import { AnnualReport as AnnualReport_9922b80b607b961dda749e2fc2a06b85 } from '../../../components/reports/AnnualReport'
import { WaitingDates as WaitingDates_b2cbe71c94e3ae72cffc8d301a94dd91 } from '../../../components/attendance/WaitingDates'
import { StatisticsView as StatisticsView_1ba2b4246acd9ba5fdb6975b892c88a7 } from '../../../components/statistics/StatisticsView'
import { PrintProgramme as PrintProgramme_57b0ab76714057bfb294feef5a9f5452 } from '../../../components/print/PrintProgramme'
import { CheckIn as CheckIn_7f9ee5e7e78447c3c4806234e374e907 } from '../../../components/desk/CheckIn'
import { DateSheet as DateSheet_2afde0919a43a7e397a52b46f78369f9 } from '../../../components/desk/DateSheet'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "../collections/Events/components/ReadOnlyNotice#ReadOnlyNotice": ReadOnlyNotice_3cac806ebc70a00e0a71dc15372b94df,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "./components/DateLabel#DateLabel": DateLabel_ada2badfbe8289071e7b112ff0a5e14e,
  "../collections/Events/components/OriginalStartField#OriginalStartField": OriginalStartField_de53f13731a4454de2334aa3692a9630,
  "../collections/Events/components/CampaignPeriodNotice#CampaignPeriodNotice": CampaignPeriodNotice_2eec18a9d7feebbb9440b2610af1fb64,
  "../collections/Events/components/ReviewCell#ReviewCell": ReviewCell_56bb4661404c8e356986949a65fdc0c2,
  "../collections/Events/components/FollowersNotice#FollowersNotice": FollowersNotice_f80c19f32c302a3fa63e7ba907af0f5f,
  "../collections/Events/components/NoticesSent#NoticesSent": NoticesSent_f23f58d8ff979200d2cd375e4c1ffcd9,
  "../collections/Events/components/EventListViews#EventListViews": EventListViews_4c4565183dd8c7ab782c8538aec6adad,
  "./components/ViewOnSite#ViewOnSite": ViewOnSite_a4d0818576241e8ffa7bca27289e42cb,
  "./components/print/PrintLink#PrintLink": PrintLink_d9572f20290e97e1bbbb859f2ce429cd,
  "../collections/Events/components/PreviewLink#PreviewLink": PreviewLink_9f1f81a8c0a7f9a91f48fc54601ce8e9,
  "../collections/Campaigns/components/CampaignEvents#CampaignEvents": CampaignEvents_64cd3d5635d33e3fe429d7ae44af0af2,
  "../collections/Campaigns/components/MaggioExport#MaggioExport": MaggioExport_6396cfd575a0f1fc823903d1e362a8be,
  "../collections/Funders/components/FunderReport#FunderReport": FunderReport_943a07ace3fecd4983b1184b72cb8858,
  "../collections/Users/components/InviteField#InviteField": InviteField_a616926723dbd7bdd38a19e890a975f2,
  "../collections/Newsletters/components/EventPicker#EventPicker": EventPicker_b0b28ee9cad03c9a4fee1af3b67b05b0,
  "../collections/Newsletters/components/NewsletterTools#NewsletterTools": NewsletterTools_15f96de0293e037c574fc94b0d2fe742,
  "../collections/Newsletters/components/Progress#Progress": Progress_6f11da329226a9973b7d422e95e9c8d4,
  "../collections/Newsletters/components/AudienceSummary#AudienceSummary": AudienceSummary_43a65ae1235f844b0fca354acb0ade04,
  "../collections/Subscribers/components/GdprActions#GdprActions": GdprActions_f2dbf9b75fe860f387c9e1dd969b0c89,
  "../collections/Subscribers/components/SubscriberCounts#SubscriberCounts": SubscriberCounts_b507db2ea28d75847289fd66d344569f,
  "../collections/CalendarSources/components/SyncNow#SyncNow": SyncNow_669e96c5af8aae0ea678d4dc048fd037,
  "../collections/CalendarSources/components/RunLog#RunLog": RunLog_799f7c58f3cd0f15e56c63a06b3f7232,
  "./components/StaffAgendaLink#StaffAgendaLink": StaffAgendaLink_0df3970f37647b7e81a4ba09892438b4,
  "./components/HealthNotice#HealthNotice": HealthNotice_28737eea64bc433d287b689fda8b3390,
  "./components/LibrarianDay#LibrarianDay": LibrarianDay_bff40abc129a6e05e6bc84f23d913c0c,
  "./components/desk/DeskLink#DeskLink": DeskLink_a8d98bda9ab1c293078e6fb8073c2241,
  "./components/attendance/AttendanceLink#AttendanceLink": AttendanceLink_3be5342641e74ec4ed33788a460f7a39,
  "./components/reports/ReportsLink#ReportsLink": ReportsLink_346445e0a0f611f56dd5e89d31257452,
  "./components/statistics/StatisticsLink#StatisticsLink": StatisticsLink_9adac64d41e886ffdc97615ff9109cea,
  "./components/print/PrintNavLink#PrintNavLink": PrintNavLink_b89b62475bfe4c7291633fa4cfa92721,
  "./components/StaffAgenda#StaffAgenda": StaffAgenda_62eb87188987cb84147a5905fd940df0,
  "./components/desk/DeskIndex#DeskIndex": DeskIndex_87e16304842fecaeaa18ac3a1b244f36,
  "./components/reports/AnnualReport#AnnualReport": AnnualReport_9922b80b607b961dda749e2fc2a06b85,
  "./components/attendance/WaitingDates#WaitingDates": WaitingDates_b2cbe71c94e3ae72cffc8d301a94dd91,
  "./components/statistics/StatisticsView#StatisticsView": StatisticsView_1ba2b4246acd9ba5fdb6975b892c88a7,
  "./components/print/PrintProgramme#PrintProgramme": PrintProgramme_57b0ab76714057bfb294feef5a9f5452,
  "./components/desk/CheckIn#CheckIn": CheckIn_7f9ee5e7e78447c3c4806234e374e907,
  "./components/desk/DateSheet#DateSheet": DateSheet_2afde0919a43a7e397a52b46f78369f9,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
