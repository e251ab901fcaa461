// Video help in Chromium with fake camera and microphone: a customer and an agent in two
// contexts, media flowing both ways, chat and files both ways, hang-up freeing the agent, a
// third person refused; and each step down the fallback ladder.
import { test, expect } from '@playwright/test';
import { login, freshMobile, openPairedKiosk, otherPerson, projectAct, registerFresh, WITH_FAKE_MEDIA } from './helpers.mjs';

test.use(WITH_FAKE_MEDIA);

const PDF = Buffer.from('%PDF-1.4\n% 电费单\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

/** An agent at the console's video desk, available. */
async function agentReady(browser, loginName) {
  const agent = await otherPerson(browser);
  await login(agent.page, loginName);
  await agent.page.goto('/staff/video');
  const desk = agent.page.getByTestId('video-desk');
  await desk.getByRole('button', { name: '空闲' }).click();
  await expect(desk.getByTestId('my-presence')).toHaveText('空闲');
  return { ...agent, desk };
}

/** From the hall page through the device check into the queue; the topic to find it by. */
async function askForHelp(page, start, verdict, verdictText) {
  await page.goto(start);
  const topic = `电费咨询 ${freshMobile()}`;
  await page.getByLabel('您想咨询什么？').fill(topic);
  await page.getByRole('button', { name: '检查摄像头和麦克风' }).click();
  await expect(page.getByTestId('device-verdict')).toHaveAttribute('data-channel', verdict);
  if (verdictText) await expect(page.getByTestId('device-verdict')).toContainText(verdictText);
  await page.getByTestId('video-start').click();
  await expect(page.getByTestId('video-waiting')).toBeVisible();
  await expect(page.getByTestId('video-ahead')).toHaveText(/^\d+$/);
  return topic;
}

async function inboundVideoBytes(page) {
  return Number(await page.getByTestId('call').getAttribute('data-inbound-video-bytes'));
}

test('a customer and an agent talk by video, chat and swap files; hanging up frees the agent; a third person is refused', async ({ browser }) => {
  test.setTimeout(150_000);
  const agent = await agentReady(browser, 'staff.xinghu.1');
  const customer = await otherPerson(browser);
  await login(customer.page, '13800138001');
  await customer.page.goto('/halls/xinghu');
  await customer.page.getByTestId('video-help').click();
  await expect(customer.page).toHaveURL(/\/video$/);
  const topic = await askForHelp(customer.page, '/video', 'video');
  await expect(customer.page.getByTestId('preview')).toHaveCount(0);

  const request = agent.desk.getByTestId('desk-request').filter({ hasText: topic });
  await expect(request).toContainText('视频');
  await request.getByRole('button', { name: '接入' }).click();
  await expect(agent.desk.getByTestId('my-presence')).toHaveText('通话中');

  for (const side of [customer.page, agent.page]) {
    await expect(side.getByTestId('call')).toHaveAttribute('data-link', 'live');
  }
  // getStats(): video bytes arrive on both sides within 5 s, and keep arriving.
  for (const side of [customer.page, agent.page]) {
    await expect.poll(() => inboundVideoBytes(side), { timeout: 5_000 }).toBeGreaterThan(0);
    const first = await inboundVideoBytes(side);
    await expect.poll(() => inboundVideoBytes(side), { timeout: 5_000 }).toBeGreaterThan(first);
  }

  await customer.page.getByLabel('输入文字').fill('我的电费为什么涨了？');
  await customer.page.getByRole('button', { name: '发送', exact: true }).click();
  await expect(agent.page.getByTestId('chat-lines')).toContainText('客户: 我的电费为什么涨了？');
  await agent.page.getByLabel('输入文字').fill('夏季用电量增加，进入第二档');
  await agent.page.keyboard.press('Enter');
  await expect(customer.page.getByTestId('chat-lines')).toContainText('客服: 夏季用电量增加，进入第二档');

  await customer.page.getByTestId('chat-file').setInputFiles({ name: '电费单.pdf', mimeType: 'application/pdf', buffer: PDF });
  const pdfLink = agent.page.getByRole('link', { name: /电费单\.pdf/ });
  await expect(pdfLink).toBeVisible();
  const pdf = await agent.page.request.get(await pdfLink.getAttribute('href'));
  expect(pdf.status()).toBe(200);
  expect(Buffer.from(await pdf.body()).equals(PDF)).toBe(true);
  await agent.page.getByTestId('chat-file').setInputFiles({ name: '说明.png', mimeType: 'image/png', buffer: PNG });
  await expect(customer.page.getByRole('link', { name: /说明\.png/ })).toBeVisible();

  // A stroke on the agent's handwriting board appears on the customer's.
  const board = await agent.page.getByTestId('board').boundingBox();
  await agent.page.mouse.move(board.x + 20, board.y + 20);
  await agent.page.mouse.down();
  await agent.page.mouse.move(board.x + 120, board.y + 60, { steps: 5 });
  await agent.page.mouse.up();
  await expect(customer.page.getByTestId('board')).toHaveAttribute('data-strokes', '1');

  // Someone else with the room's address (but not its key) is refused.
  const room = new URL(customer.page.url()).pathname;
  const stranger = await otherPerson(browser);
  await login(stranger.page, '13800138002');
  await stranger.page.goto(room);
  await expect(stranger.page.getByTestId('not-yours')).toBeVisible();
  const refused = await stranger.page.request.get(`/api/video/rooms/${room.split('/').pop()}`);
  expect(refused.status()).toBe(403);

  await customer.page.getByTestId('hang-up').click();
  await expect(agent.page.getByText('对方已挂断')).toBeVisible();
  await agent.page.getByLabel('结束通话并填写处理结果').fill('解释了阶梯电价，客户满意');
  await agent.page.getByTestId('end-call').click();
  await expect(agent.page.getByTestId('agent-call')).toHaveCount(0);
  await expect(agent.desk.getByTestId('my-presence')).toHaveText('空闲');

  await expect(customer.page.getByTestId('rating')).toBeVisible({ timeout: 6_000 });
  await customer.page.getByRole('button', { name: '5 星' }).click();
  await customer.page.getByRole('button', { name: '提交评价' }).click();
  await expect(customer.page.getByText('感谢您的评价')).toBeVisible();
  await customer.page.goto('/account');
  await expect(customer.page.getByTestId('video-record').filter({ hasText: topic })).toContainText('解释了阶梯电价');
  for (const p of [agent, customer, stranger]) await p.context.close();
});

test('without a camera the customer is offered a voice call', async ({ browser }) => {
  const noCamera = () => {
    const real = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = (c) =>
      c && c.video ? Promise.reject(new DOMException('no camera', 'NotFoundError')) : real(c);
  };
  const customer = await otherPerson(browser, noCamera);
  await askForHelp(customer.page, '/video', 'audio', '没有可用的摄像头，将以语音通话');
  await customer.page.getByRole('button', { name: '不等了，取消求助' }).click();
  await expect(customer.page.getByText('已取消求助')).toBeVisible();
  await customer.context.close();
});

test('with no camera or microphone allowed the customer chats with the agent in text', async ({ browser }) => {
  const denied = () => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  };
  const agent = await agentReady(browser, 'staff.xinghu.3');
  const customer = await otherPerson(browser, denied);
  const topic = await askForHelp(customer.page, '/video', 'chat', '您没有允许使用摄像头和麦克风');
  const request = agent.desk.getByTestId('desk-request').filter({ hasText: topic });
  await expect(request).toContainText('文字');
  await request.getByRole('button', { name: '接入' }).click();
  await expect(customer.page.getByTestId('call')).toHaveAttribute('data-link', 'live');
  await customer.page.getByLabel('输入文字').fill('看不到视频也能办吗');
  await customer.page.keyboard.press('Enter');
  await expect(agent.page.getByTestId('chat-lines')).toContainText('看不到视频也能办吗');
  await agent.page.getByLabel('结束通话并填写处理结果').fill('文字答复');
  await agent.page.getByTestId('end-call').click();
  await expect(agent.desk.getByTestId('my-presence')).toHaveText('空闲');
  for (const p of [agent, customer]) await p.context.close();
});

test('at a kiosk, nobody answering in five minutes offers a callback that reaches the agents', async ({ browser }) => {
  const kiosk = await otherPerson(browser);
  await openPairedKiosk(kiosk.page, 'gaoxin');
  await kiosk.page.getByTestId('kiosk-video-help').click();
  await expect(kiosk.page.getByRole('banner')).toHaveCount(0);
  await askForHelp(kiosk.page, kiosk.page.url(), 'video');
  await expect(kiosk.page.getByRole('banner')).toHaveCount(0);
  await expect(kiosk.page.getByTestId('callback-form')).toHaveCount(0);
  // Five minutes later on the server's clock, with no agent having answered.
  await kiosk.context.setExtraHTTPHeaders({ 'x-test-now': String(Date.now() + 5 * 60_000 + 1_000) });
  const form = kiosk.page.getByTestId('callback-form');
  await expect(form).toBeVisible({ timeout: 6_000 });
  const phone = freshMobile().replace(/^159/, '139');
  await form.getByLabel('手机号码').fill(phone);
  await form.getByRole('button', { name: '请回电给我' }).click();
  await expect(kiosk.page.getByText('已登记回电')).toBeVisible();
  await kiosk.page.getByTestId('kiosk-back').click();
  await expect(kiosk.page.getByTestId('kiosk-video-help')).toBeVisible();

  const agent = await otherPerson(browser);
  await login(agent.page, 'staff.gaoxin.1');
  await agent.page.goto('/staff/video');
  const item = agent.page.getByTestId('callback').filter({ hasText: phone });
  await expect(item).toContainText('高新');
  await item.getByRole('button', { name: '已回电' }).click();
  await expect(item).toContainText('刘洋');
  for (const p of [agent, kiosk]) await p.context.close();
});

test('a one-star video call lands on the hall follow-up list and becomes a work order', async ({ browser }) => {
  test.setTimeout(120_000);
  const agent = await agentReady(browser, 'staff.gaoxin.2');
  const customer = await otherPerson(browser);
  const phone = await registerFresh(customer.page, '冯秀兰');
  const topic = await askForHelp(customer.page, '/video', 'video');
  const request = agent.desk.getByTestId('desk-request').filter({ hasText: topic });
  await request.getByRole('button', { name: '接入' }).click();
  await expect(customer.page.getByTestId('call')).toHaveAttribute('data-link', 'live');
  await customer.page.getByTestId('hang-up').click();
  await agent.page.getByLabel('结束通话并填写处理结果').fill('客户询问电费上涨原因');
  await agent.page.getByTestId('end-call').click();
  await expect(agent.page.getByTestId('agent-call')).toHaveCount(0);

  await expect(customer.page.getByTestId('rating')).toBeVisible({ timeout: 6_000 });
  await customer.page.getByRole('button', { name: '1 星' }).click();
  const why = `客服答非所问 ${phone}`;
  await customer.page.getByLabel('意见').fill(why);
  await customer.page.getByRole('button', { name: '提交评价' }).click();
  await expect(customer.page.getByText('感谢您的评价')).toBeVisible();

  await agent.page.goto('/staff/today');
  const followUp = agent.page.getByTestId('follow-up').filter({ hasText: why });
  await expect(followUp).toContainText('视频客服');
  await expect(followUp).toContainText(`冯秀兰 ${phone}`);
  await followUp.getByTestId('follow-up-order').click();
  await followUp.getByTestId('follow-up-order-link').click();
  await expect(agent.page.getByTestId('order-channel')).toHaveText('电话受理');
  await expect(agent.page.getByRole('heading', { level: 1 })).toContainText('投诉');
  await expect(agent.page.getByText(why)).toBeVisible();

  await agent.page.goto('/staff/today');
  const again = agent.page.getByTestId('follow-up').filter({ hasText: why });
  await again.getByTestId('follow-up-note').fill('已致电致歉，书面答复走工单');
  await again.getByTestId('follow-up-called_back').click();
  await expect(again.getByTestId('follow-up-outcome')).toHaveText('已回访');
  await expect(again).toContainText('已致电致歉，书面答复走工单');
  for (const p of [agent, customer]) await p.context.close();
});

test('a video call started from a project page shows on that project for the customer and the design firm', async ({ browser }) => {
  test.setTimeout(180_000);
  const customer = await otherPerson(browser);
  await login(customer.page, '13800138003');
  const title = `视频咨询项目 ${freshMobile()}`;
  await customer.page.goto('/projects');
  await customer.page.getByTestId('apply-open').click();
  await customer.page.getByLabel('项目名称').fill(title);
  await customer.page.getByLabel('用电地址').fill('江城市高新区创新路 18 号 9 幢');
  await customer.page.getByLabel('所属营业厅').selectOption('gaoxin');
  await customer.page.getByLabel('申请容量（kVA）').fill('400');
  await customer.page.getByRole('button', { name: '提交申请' }).click();
  await expect(customer.page).toHaveURL(/\/projects\/\d+$/);
  const url = new URL(customer.page.url()).pathname;
  const utility = await otherPerson(browser);
  await login(utility.page, 'staff.gaoxin.1');
  await projectAct(utility.page, url, 'accept', '现场勘查');
  await projectAct(utility.page, url, 'survey', '供电方案答复');
  await projectAct(utility.page, url, 'issue_plan', '选择设计单位');
  await projectAct(customer.page, url, 'choose_design_firm', '工程设计', null, { design: '2' });

  const agent = await agentReady(browser, 'staff.gaoxin.3');
  await customer.page.goto(url);
  await customer.page.getByTestId('case-contacts').getByTestId('case-video').click();
  await expect(customer.page).toHaveURL(/\/video\?case_kind=project&case_id=\d+$/);
  await expect(customer.page.getByLabel('您想咨询什么？')).toBeVisible();
  const topic = await askForHelp(customer.page, customer.page.url(), 'video');
  await agent.desk.getByTestId('desk-request').filter({ hasText: topic }).getByRole('button', { name: '接入' }).click();
  await expect(customer.page.getByTestId('call')).toHaveAttribute('data-link', 'live');
  await customer.page.getByTestId('hang-up').click();
  await agent.page.getByLabel('结束通话并填写处理结果').fill('说明了设计审查需要的图纸');
  await agent.page.getByTestId('end-call').click();
  await expect(agent.page.getByTestId('agent-call')).toHaveCount(0);

  await customer.page.goto(url);
  const filed = customer.page.getByTestId('case-contact').filter({ hasText: topic });
  await expect(filed).toContainText('说明了设计审查需要的图纸');
  const design = await otherPerson(browser);
  await login(design.page, 'design.hengyuan');
  await design.page.goto(url);
  await expect(design.page.getByTestId('case-contact').filter({ hasText: topic })).toContainText('说明了设计审查需要的图纸');
  for (const p of [customer, utility, agent, design]) await p.context.close();
});
