//! 政府网站工作年度报表 (国办函〔2018〕12号): the report every government website publishes on
//! its home page for the past year. One table: the site's particulars, then its sections
//! (信息发布, 专栏专题, …) merged down the rows of their items; 填报单位 above it, the
//! signatures below. Labels verbatim from the template; units as the template prints them
//! after a label (`（单位：条）`).
//!
//! # Rules
//!
//! The template prints no 勾稽关系; these follow from what the items mean. Errors cannot be
//! otherwise; warnings usually hold and deserve a second look.
//!
//! | id | rule | severity |
//! |---|---|---|
//! | `W-UV` | 独立用户访问总量 ≤ 网站总访问量 | error |
//! | `W-POSTS` | 概况类 + 政务动态 + 信息公开目录 ≤ 信息发布总数 | warning |
//! | `W-POSTS-PART` | each of the three ≤ 信息发布总数 | error |
//! | `W-COLUMNS` | 新开设数量 ≤ 维护数量 | warning |
//! | `W-INTERP` | 解读材料 + 解读产品 + 媒体评论文章 = 解读信息发布总数 | warning |
//! | `W-INTERP-PART` | each of the three ≤ 解读信息发布总数 | error |
//! | `W-ONLINE` | 可全程在线办理政务服务事项数量 ≤ 政务服务事项数量 | error |
//! | `W-CASES` | 办件量总数 = 自然人办件量 + 法人办件量 | warning |
//! | `W-CASES-PART` | each of them ≤ 办件量总数 | error |
//! | `W-MSG`, `W-MSG-REPLY` | 办结 ≤ 收到留言; 公开答复 ≤ 办结留言 | warning |
//! | `W-SURVEY` | 公布调查结果期数 ≤ 征集调查期数 | warning |
//! | `W-TALK` | 答复网民提问数量 ≤ 网民留言数量 | warning |
//! | `W-AVG` | 平均办理时间 ≥ 0 | warning |
//! | `W-SEC` | 问题整改数量 ≤ 发现问题数量 | warning |
//! | `W-MEDIA` | 是否有移动新媒体 = 否 ⇒ every 微博, 微信 figure blank or 0 | error |
//! | `W-AVG-NONE` | 收到留言数量 = 0 ⇒ 平均办理时间 blank (or 0) | warning |
//!
//! `W-AVG` of `website-form.md` is both of `W-AVG` and `W-AVG-NONE`: one id names one rule.

// Laid out one item per line, as the template lists them; rustfmt would split each line in two.
#[rustfmt::skip]
mod report;
#[rustfmt::skip]
mod sections;

pub use report::*;
pub use sections::*;
