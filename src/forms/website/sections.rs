//! The sections of the website report, each a struct of its items as the template lists them.

use serde::{Deserialize, Serialize};

use crate::{Amount, Count, Form};

/// 信息发布（单位：条）.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(
    check(overview + news + catalogue <= total, id = "W-POSTS", severity = warning,
        message = "概况类、政务动态、信息公开目录信息更新量之和一般不大于信息发布总数"),
    check(each(overview, news, catalogue) <= total, id = "W-POSTS-PART",
        message = "概况类、政务动态、信息公开目录信息更新量均不得大于信息发布总数")
)]
pub struct Posts {
    #[form(label = "总数")] pub total: Count,
    #[form(label = "概况类信息更新量")] pub overview: Count,
    #[form(label = "政务动态信息更新量")] pub news: Count,
    #[form(label = "信息公开目录信息更新量")] pub catalogue: Count,
}

/// 专栏专题（单位：个）.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(check(opened <= maintained, id = "W-COLUMNS", severity = warning,
    message = "新开设数量一般不大于维护数量（新开设的专栏也在维护）"))]
pub struct Columns {
    #[form(label = "维护数量")] pub maintained: Count,
    #[form(label = "新开设数量")] pub opened: Count,
}

/// 解读回应.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Interpretation {
    #[form(label = "解读信息发布", unit = "条")] pub releases: Releases,
    #[form(label = "回应公众关注热点或重大舆情数量", unit = "次")] pub responses: Count,
}

/// 解读信息发布: the total and its three kinds.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(
    check(materials + products + commentaries == total, id = "W-INTERP", severity = warning,
        message = "解读材料、解读产品、媒体评论文章数量之和一般等于解读信息发布总数"),
    check(each(materials, products, commentaries) <= total, id = "W-INTERP-PART",
        message = "解读材料、解读产品、媒体评论文章数量均不得大于解读信息发布总数")
)]
pub struct Releases {
    #[form(label = "总数")] pub total: Count,
    #[form(label = "解读材料数量")] pub materials: Count,
    #[form(label = "解读产品数量")] pub products: Count,
    #[form(label = "媒体评论文章数量")] pub commentaries: Count,
}

/// 办事服务.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(check(online <= matters, id = "W-ONLINE",
    message = "可全程在线办理政务服务事项数量不得大于政务服务事项数量"))]
pub struct Services {
    #[form(label = "是否发布服务事项目录")] pub catalogue_published: Option<bool>,
    #[form(label = "注册用户数", unit = "个")] pub registered_users: Count,
    #[form(label = "政务服务事项数量", unit = "项")] pub matters: Count,
    #[form(label = "可全程在线办理政务服务事项数量", unit = "项")] pub online: Count,
    #[form(label = "办件量", unit = "件")] pub cases: Cases,
}

/// 办件量（单位：件）.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(check(each(natural_persons, legal_persons) <= total, id = "W-CASES-PART",
    message = "自然人办件量、法人办件量均不得大于办件量总数"))]
pub struct Cases {
    #[form(label = "总数", total(id = "W-CASES", severity = warning,
        message = "办件量总数一般等于自然人办件量与法人办件量之和"))]
    pub total: Count,
    #[form(label = "自然人办件量")] pub natural_persons: Count,
    #[form(label = "法人办件量")] pub legal_persons: Count,
}

/// 互动交流.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Interaction {
    #[form(label = "是否使用统一平台")] pub unified_platform: Option<bool>,
    #[form(label = "留言办理")] pub messages: Messages,
    #[form(label = "征集调查")] pub surveys: Surveys,
    #[form(label = "在线访谈")] pub interviews: Interviews,
    #[form(label = "是否提供智能问答")] pub smart_answers: Option<bool>,
}

/// 留言办理.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq)]
#[form(
    check(closed <= received, id = "W-MSG", severity = warning,
        message = "办结留言数量一般不大于收到留言数量（上年留言可在本年办结）"),
    check(public_replies <= closed, id = "W-MSG-REPLY", severity = warning,
        message = "公开答复数量一般不大于办结留言数量")
)]
pub struct Messages {
    #[form(label = "收到留言数量", unit = "条")] pub received: Count,
    #[form(label = "办结留言数量", unit = "条")] pub closed: Count,
    #[form(label = "平均办理时间", unit = "天",
        range(min = 0, id = "W-AVG", severity = warning, message = "平均办理时间不得为负数"),
        range(max = 0, when(received == 0), id = "W-AVG-NONE", severity = warning,
            message = "收到留言数量为0时，平均办理时间应为空"))]
    pub average_days: Amount,
    #[form(label = "公开答复数量", unit = "条")] pub public_replies: Count,
}

/// 征集调查.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(check(results_published <= surveys, id = "W-SURVEY", severity = warning,
    message = "公布调查结果期数一般不大于征集调查期数"))]
pub struct Surveys {
    #[form(label = "征集调查期数", unit = "期")] pub surveys: Count,
    #[form(label = "收到意见数量", unit = "条")] pub opinions: Count,
    #[form(label = "公布调查结果期数", unit = "期")] pub results_published: Count,
}

/// 在线访谈.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(check(answered <= questions, id = "W-TALK", severity = warning,
    message = "答复网民提问数量一般不大于网民留言数量"))]
pub struct Interviews {
    #[form(label = "访谈期数", unit = "期")] pub sessions: Count,
    #[form(label = "网民留言数量", unit = "条")] pub questions: Count,
    #[form(label = "答复网民提问数量", unit = "条")] pub answered: Count,
}

/// 安全防护.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(check(fixed <= found, id = "W-SEC", severity = warning,
    message = "问题整改数量一般不大于发现问题数量"))]
pub struct Security {
    #[form(label = "安全检测评估次数", unit = "次")] pub assessments: Count,
    #[form(label = "发现问题数量", unit = "个")] pub found: Count,
    #[form(label = "问题整改数量", unit = "个")] pub fixed: Count,
    #[form(label = "是否建立安全监测预警机制")] pub monitoring: Option<bool>,
    #[form(label = "是否开展应急演练")] pub drills: Option<bool>,
    #[form(label = "是否明确网站安全责任人")] pub responsible_person: Option<bool>,
}

/// 移动新媒体.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[form(range(max = 0, when(!has_new_media), id = "W-MEDIA",
    message = "无移动新媒体时，微博、微信各项数量应为空或0"))]
pub struct NewMedia {
    #[form(label = "是否有移动新媒体")] pub has_new_media: Option<bool>,
    #[form(label = "微博")] pub weibo: Weibo,
    #[form(label = "微信")] pub wechat: Wechat,
    #[form(label = "其他")] pub other: Option<String>,
}

/// 微博: the account's name and figures.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Weibo {
    #[form(label = "名称")] pub name: Option<String>,
    #[form(label = "信息发布量", unit = "条")] pub posts: Count,
    #[form(label = "关注量", unit = "个")] pub followers: Count,
}

/// 微信: the account's name and figures.
#[derive(Form, Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct Wechat {
    #[form(label = "名称")] pub name: Option<String>,
    #[form(label = "信息发布量", unit = "条")] pub posts: Count,
    #[form(label = "订阅数", unit = "个")] pub subscribers: Count,
}
