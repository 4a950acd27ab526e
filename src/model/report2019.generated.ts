// Generated from schemas/report-2019.schema.json by scripts/build.mjs. Do not edit.

/** 件数：非负整数 */
export type Count = number;

/** 金额（万元）：非负数，至多四位小数 */
export type Amount = number;

/** 申请人情况：按申请人分列的一行 */
export type RequestRow = {
  /** 自然人 */
  naturalPerson: Count;
  /** 法人或其他组织 · 商业企业 */
  commercial: Count;
  /** 法人或其他组织 · 科研机构 */
  research: Count;
  /** 法人或其他组织 · 社会公益组织 */
  socialWelfare: Count;
  /** 法人或其他组织 · 法律服务机构 */
  legalService: Count;
  /** 法人或其他组织 · 其他 */
  otherOrg: Count;
  /** 总计 */
  total?: Count;
};

/** 行政复议或行政诉讼：按结果分列的件数 */
export type ReviewGroup = {
  /** 结果维持 */
  upheld: Count;
  /** 结果纠正 */
  corrected: Count;
  /** 其他结果 */
  other: Count;
  /** 尚未审结 */
  pending: Count;
  /** 总计 */
  total?: Count;
};

/** 金额：非负数（表中未规定单位） */
export type Money = number;

/** 增减数：整数：增加为正，减少为负 */
export type Change = number;

/** 政府信息公开工作年度报告（2019 年试行格式） */
export interface Report {
  /** 格式版本 */
  format: "2019";
  /** 报告机关 */
  agency: string;
  /** 报告年度 */
  year: number;
  /** 发布日期 */
  published?: string;
  /** 报告范围 */
  scope?: "agency" | "government";
  /** 联系方式 */
  contact?: {
    /** 联系机构 */
    office?: string;
    /** 地址 */
    address?: string;
    /** 电话 */
    phone?: string;
  };
  /** 前言 */
  preamble?: string;
  /** 一、总体情况 */
  overview: string;
  /** 二、主动公开政府信息情况 */
  proactive: {
    /** 规章 */
    regulations: {
      /** 本年新制作数量 */
      newlyMade: Count;
      /** 本年新公开数量 */
      newlyPublished: Count;
      /** 对外公开总数量 */
      totalPublished: Count;
    };
    /** 规范性文件 */
    normativeDocuments: {
      /** 本年新制作数量 */
      newlyMade: Count;
      /** 本年新公开数量 */
      newlyPublished: Count;
      /** 对外公开总数量 */
      totalPublished: Count;
    };
    /** 行政许可 */
    licensing: {
      /** 上一年项目数量 */
      previousYear: Count;
      /** 本年增/减 */
      change: Change;
      /** 处理决定数量 */
      decisions: Count;
    };
    /** 其他对外管理服务事项 */
    otherServices: {
      /** 上一年项目数量 */
      previousYear: Count;
      /** 本年增/减 */
      change: Change;
      /** 处理决定数量 */
      decisions: Count;
    };
    /** 行政处罚 */
    punishment: {
      /** 上一年项目数量 */
      previousYear: Count;
      /** 本年增/减 */
      change: Change;
      /** 处理决定数量 */
      decisions: Count;
    };
    /** 行政强制 */
    coercion: {
      /** 上一年项目数量 */
      previousYear: Count;
      /** 本年增/减 */
      change: Change;
      /** 处理决定数量 */
      decisions: Count;
    };
    /** 行政事业性收费 */
    fees: {
      /** 上一年项目数量 */
      previousYear: Count;
      /** 本年增/减 */
      change: Change;
    };
    /** 政府集中采购 */
    procurement: {
      /** 采购项目数量 */
      projects: Count;
      /** 采购总金额 */
      totalAmount: Money;
      /** 金额单位 */
      unit?: "元" | "万元";
    };
  };
  /** 三、收到和处理政府信息公开申请情况 */
  requests: {
    /** 一、本年新收政府信息公开申请数量 */
    received: RequestRow;
    /** 二、上年结转政府信息公开申请数量 */
    carriedOver: RequestRow;
    /** 三、本年度办理结果 */
    outcomes: {
      /** （一）予以公开 */
      disclosed: RequestRow;
      /** （二）部分公开（区分处理的，只计这一情形，不计其他情形） */
      partlyDisclosed: RequestRow;
      /** （三）不予公开 */
      withheld: {
        /** 1.属于国家秘密 */
        stateSecret: RequestRow;
        /** 2.其他法律行政法规禁止公开 */
        prohibitedByLaw: RequestRow;
        /** 3.危及“三安全一稳定” */
        securityStability: RequestRow;
        /** 4.保护第三方合法权益 */
        thirdPartyRights: RequestRow;
        /** 5.属于三类内部事务信息 */
        internalAffairs: RequestRow;
        /** 6.属于四类过程性信息 */
        processInformation: RequestRow;
        /** 7.属于行政执法案卷 */
        enforcementFiles: RequestRow;
        /** 8.属于行政查询事项 */
        queryMatters: RequestRow;
      };
      /** （四）无法提供 */
      unavailable: {
        /** 1.本机关不掌握相关政府信息 */
        notHeld: RequestRow;
        /** 2.没有现成信息需要另行制作 */
        needsCreation: RequestRow;
        /** 3.补正后申请内容仍不明确 */
        stillUnclear: RequestRow;
      };
      /** （五）不予处理 */
      notProcessed: {
        /** 1.信访举报投诉类申请 */
        petition: RequestRow;
        /** 2.重复申请 */
        repeated: RequestRow;
        /** 3.要求提供公开出版物 */
        publications: RequestRow;
        /** 4.无正当理由大量反复申请 */
        vexatious: RequestRow;
        /** 5.要求行政机关确认或重新出具已获取信息 */
        reconfirmation: RequestRow;
      };
      /** （六）其他处理 */
      otherHandling: RequestRow;
      /** （七）总计 */
      total?: RequestRow;
    };
    /** 四、结转下年度继续办理 */
    carriedForward: RequestRow;
  };
  /** 四、政府信息公开行政复议、行政诉讼情况 */
  reviewsAndLawsuits: {
    /** 行政复议 */
    review: ReviewGroup;
    /** 行政诉讼 · 未经复议直接起诉 */
    suitDirect: ReviewGroup;
    /** 行政诉讼 · 复议后起诉 */
    suitAfterReview: ReviewGroup;
  };
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 */
  other: string;
}
