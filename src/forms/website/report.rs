//! The report itself: the site's particulars, its sections, the signatures; the choices it
//! offers.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::sections::*;
use crate::{Choice, Count, Date, Form};

/// 政府网站工作年度报表.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
#[form(
    name = "website",
    label = "政府网站工作年度报表",
    table,
    check(unique_visitors <= total_visits, id = "W-UV",
        message = "独立用户访问总量不得大于网站总访问量",
        message_en = "unique visitors cannot exceed total visits")
)]
pub struct WebsiteReport {
    #[form(label = "填报单位", meta, reporter)] pub filer: String,
    #[form(label = "网站名称")] pub site_name: String,
    #[form(label = "首页网址")] pub home_url: String,
    #[form(label = "主办单位")] pub sponsor: String,
    #[form(label = "网站类型")] pub site_type: Option<SiteType>,
    #[form(label = "政府网站标识码")] pub site_code: String,
    #[form(label = "ICP备案编号")] pub icp_record: String,
    #[form(label = "公安机关备案号")] pub police_record: String,
    #[form(label = "独立用户访问总量", unit = "个")] pub unique_visitors: Count,
    #[form(label = "网站总访问量", unit = "次")] pub total_visits: Count,
    #[form(label = "信息发布", unit = "条")] pub posts: Posts,
    #[form(label = "专栏专题", unit = "个")] pub columns: Columns,
    #[form(label = "解读回应")] pub interpretation: Interpretation,
    #[form(label = "办事服务")] pub services: Services,
    #[form(label = "互动交流")] pub interaction: Interaction,
    #[form(label = "安全防护")] pub security: Security,
    #[form(label = "移动新媒体")] pub new_media: NewMedia,
    #[form(label = "创新发展")] pub innovation: BTreeSet<Innovation>,
    #[form(label = "单位负责人", meta)] pub head: String,
    #[form(label = "审核人", meta)] pub reviewer: String,
    #[form(label = "填报人", meta)] pub preparer: String,
    #[form(label = "联系电话", meta)] pub phone: String,
    #[form(label = "填报日期", meta)] pub date: Option<Date>,
}

/// 网站类型.
#[derive(Choice, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SiteType {
    #[form(label = "政府门户网站")] Portal,
    #[form(label = "部门网站")] Department,
    #[form(label = "专项网站")] Special,
}

/// 创新发展: what the site offers beyond the basics.
#[derive(Choice, Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Innovation {
    #[form(label = "搜索即服务")] SearchAsService,
    #[form(label = "多语言版本")] Multilingual,
    #[form(label = "无障碍浏览")] Accessible,
    #[form(label = "千人千网")] Personalised,
    #[form(label = "其他")] Other,
}
