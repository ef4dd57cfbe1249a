/** Bodies AlphaVantage really sends with HTTP 200 when it refuses a request (spec §7.3, fixtures README). */
export const ALPHA_VANTAGE_BODIES = {
  throttle: {
    Note: "Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.",
  },
  dailyQuota: {
    Information:
      "Thank you for using Alpha Vantage! Our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.",
  },
  premiumOutputSize: (fn: string) => ({
    Information: `Thank you for using Alpha Vantage! The outputsize=full parameter value is a premium feature for the ${fn} endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium features`,
  }),
  invalidCall: (fn: string) => ({
    "Error Message": `Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for ${fn}.`,
  }),
  missingKey: {
    "Error Message":
      "the parameter apikey is invalid or missing. Please claim your free API key on (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds.",
  },
};

/** What FRED answers (HTTP 400) for an unknown series or a missing key. */
export const FRED_BODIES = {
  unknownSeries: { error_code: 400, error_message: "Bad Request.  The series does not exist." },
  missingKey: {
    error_code: 400,
    error_message:
      "Bad Request.  Variable api_key is not set.  Read https://fred.stlouisfed.org/docs/api/api_key.html for more information.",
  },
};
